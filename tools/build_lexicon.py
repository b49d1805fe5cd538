"""Builds rules/data/vi_syllables.txt: the Vietnamese syllables in use, with their frequency.

    python tools/build_lexicon.py WORDFREQ_WHEEL_OR_small_vi.msgpack.gz

Source: the Vietnamese word frequencies of wordfreq 3.1 (Robyn Speer et al., data CC-BY-SA-4.0), the
file `wordfreq/data/small_vi.msgpack.gz` (`pip download --no-deps wordfreq`). wordfreq splits
Vietnamese at spaces, so its "words" are syllables. Kept: the entries that checker's syllable model
(`checker.lexicon`) accepts as a Vietnamese syllable with its tone mark in place (foreign words,
codes, numbers and misplaced marks drop out), except the web misspellings listed in DENY below (read
by hand); added: every syllable of rules/data/vi_words.txt. Syllables are written in the new tone
convention ("hòa"); checker reads the text in that convention too. The frequency is wordfreq's Zipf value × 10 (73 for "là", 30 at the
list's floor). Needs `msgpack` (a development tool, not a dependency of checker).
"""
import gzip
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from checker import lexicon as L  # noqa: E402

# Syllables of wordfreq's list that are common misspellings on the web, not words (read by hand).
DENY = set("""
chổ chử cở dến hiều hiêu kiển tiển triễn đở sẳn hẵn nhìu cùa mội thàng luyên đia đạ viêng vể trum tẫn
som sìn rùi rôn rem phẩu nãi nhữ nhạ lôn khắn hới cuông
""".split())


def read_wordfreq(path: str) -> list[tuple[str, int]]:
    import msgpack

    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as z:
            raw = z.read("wordfreq/data/small_vi.msgpack.gz")
    else:
        raw = Path(path).read_bytes()
    data = msgpack.unpackb(gzip.GzipFile(fileobj=io.BytesIO(raw)).read(), raw=False)
    return [(w, i) for i, bucket in enumerate(data[1:]) for w in bucket]  # bucket i: -i centibels


def main() -> None:
    freq: dict[str, int] = {}
    for word, cb in read_wordfreq(sys.argv[1]):
        w = unicodedata.normalize("NFC", word)
        if w in DENY or not L.is_syllable(w):
            continue
        zipf = round((900 - cb) / 10)  # Zipf = 9 - cB/100, kept × 10
        key = L.canonical(w)
        freq[key] = max(freq.get(key, 0), zipf)
    words = (ROOT / "rules" / "data" / "vi_words.txt").read_text(encoding="utf-8").split("\n")
    for line in words:
        if line and not line.startswith("#"):
            for s in line.split():
                if L.is_syllable(s):
                    freq.setdefault(L.canonical(s), 30)
    out = ["# Vietnamese syllables in use, grouped by their letters without marks: SKELETON<TAB>then each",
           "# syllable (new tone convention, \"hòa\") with its Zipf frequency x 10 (73 for \"là\", 30 rare).",
           "# Derived from wordfreq 3.1 (Robyn Speer et al.), data licensed CC-BY-SA-4.0, filtered by",
           "# checker's syllable model; see LEXICON-NOTICE.md beside this file and tools/build_lexicon.py.",
           "# This file is licensed CC-BY-SA-4.0."]
    groups: dict[str, list[str]] = {}
    for form in sorted(freq):
        groups.setdefault(L.skeleton(form), []).append(f"{form}:{freq[form]}")
    out += [f"{sk}\t{' '.join(forms)}" for sk, forms in sorted(groups.items())]
    (ROOT / "rules" / "data" / "vi_syllables.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(freq)} syllables in {len(groups)} groups")


if __name__ == "__main__":
    main()
