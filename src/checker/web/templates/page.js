/* The upload page: sends the chosen files to /report and shows the answer in a sandboxed frame;
   keeps the files in the browser so that each Word file's annotated copy can be asked for later
   (/api/annotate). Nothing is stored on the server between requests. */
(function () {
  "use strict";
  var body = document.body;
  var msg = function (name) { return body.getAttribute("data-msg-" + name) || ""; };
  var form = document.getElementById("upload");
  var input = document.getElementById("files");
  var drop = document.getElementById("drop");
  var chosen = document.getElementById("chosen");
  var button = document.getElementById("check");
  var result = document.getElementById("result");
  var status = document.getElementById("status");
  var actions = document.getElementById("actions");
  var frame = document.getElementById("report");
  var files = [];

  function show(list) {
    files = Array.prototype.slice.call(list || []);
    chosen.textContent = "";
    files.forEach(function (f) {
      var li = document.createElement("li");
      li.textContent = f.name;
      chosen.appendChild(li);
    });
  }
  function say(text, bad) {
    result.hidden = false;
    status.textContent = text;
    status.className = bad ? "bad" : "";
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function failure(response) {
    return response.json().then(function (data) {
      return (data && data.error && data.error.message) || response.statusText;
    }, function () { return response.statusText || String(response.status); });
  }
  function options(fd) {
    fd.append("profile", document.getElementById("profile").value);
    fd.append("lang", document.getElementById("lang").value);
    return fd;
  }
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function annotate(file, btn) {
    var fd = options(new FormData());
    fd.append("file", file, file.name);
    btn.disabled = true;
    var label = btn.textContent;
    btn.textContent = msg("preparing");
    fetch("/api/annotate", { method: "POST", body: fd }).then(function (response) {
      if (!response.ok) { return failure(response).then(function (m) { say(fill(msg("failed"), { message: m }), true); }); }
      return response.blob().then(function (blob) { save(blob, file.name.replace(/\.docx$/i, "") + ".checked.docx"); });
    }, function () { say(msg("network"), true); }).then(function () { btn.disabled = false; btn.textContent = label; });
  }
  function offer(html) {
    actions.textContent = "";
    files.forEach(function (file) {
      if (!/\.docx$/i.test(file.name)) { return; }
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "secondary download";
      btn.textContent = fill(msg("download"), { name: file.name });
      btn.addEventListener("click", function () { annotate(file, btn); });
      actions.appendChild(btn);
    });
    var keep = document.createElement("button");
    keep.type = "button";
    keep.className = "secondary";
    keep.textContent = msg("save");
    keep.addEventListener("click", function () { save(new Blob([html], { type: "text/html" }), "checker-report.html"); });
    actions.appendChild(keep);
  }

  input.addEventListener("change", function () { show(input.files); });
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
      try { input.files = e.dataTransfer.files; } catch (err) { /* older browsers: keep our own list */ }
      show(e.dataTransfer.files);
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!files.length) { say(msg("none"), true); return; }
    var fd = options(new FormData());
    files.forEach(function (f) { fd.append("files", f, f.name); });
    button.disabled = true;
    actions.textContent = "";
    say(fill(msg("checking"), { n: files.length }), false);
    fetch("/report", { method: "POST", body: fd }).then(function (response) {
      if (!response.ok) { return failure(response).then(function (m) { say(fill(msg("failed"), { message: m }), true); }); }
      return response.text().then(function (html) {
        frame.srcdoc = html;
        say(msg("done"), false);
        offer(html);
      });
    }, function () { say(msg("network"), true); }).then(function () { button.disabled = false; });
  });
}());
