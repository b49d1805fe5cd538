"""The Vietnamese lexicon of the typo rules: what a syllable is, which syllables and words exist.

Two parts work together:

- **A model of the written syllable** (onset + [medial] + nucleus + [coda] + tone, with the spelling
  rules c/k/q, g/gh, ng/ngh, gi, qu and the tone constraint of the stop codas p, t, c, ch). It tells a
  Vietnamese syllable from a foreign word or a code, recognises a syllable that cannot exist
  ("hoạchh", "tòan", "ngià") without any list, and puts the tone mark where either convention puts it
  (old "hoà", "uỷ" and new "hòa", "ủy" are both right).
- **Lists shipped in `rules/data/`**: the syllables in use with their frequency (`vi_syllables.txt`,
  derived from wordfreq's Vietnamese data, CC-BY-SA-4.0, see `rules/data/LEXICON-NOTICE.md`) and the
  words of more than one syllable that reports use (`vi_words.txt`, written for this project), plus the
  one-syllable words that stand on their own.

Everything is plain text read once per process: a warm `checker lint` needs neither YAML nor pickle.
The lists hold lower-case NFC forms in both tone conventions, so that looking a word of the text up
is one set membership test; the model is only asked about what the lists do not know.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# --- letters -------------------------------------------------------------------------------------

TONE_MARKS = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # sắc huyền hỏi ngã nặng
_TONE_OF_MARK = {v: k for k, v in TONE_MARKS.items()}
VOWELS = frozenset("aăâeêioôơuưy")
_QUALITY = frozenset("ăâêôơư")
STOP_CODAS = ("c", "ch", "p", "t")

_PLAIN_VOWELS = "aăâeêioôơuưy"
#: every lower-case letter of Vietnamese (the 12 vowels in 6 tones, the consonants, đ)
VIETNAMESE_LOWER = frozenset(
    "bcdđghklmnpqrstvx" + "".join(unicodedata.normalize("NFC", v + m) for v in _PLAIN_VOWELS for m in ["", *TONE_MARKS]))
VIETNAMESE_LETTERS = frozenset(VIETNAMESE_LOWER | {c.upper() for c in VIETNAMESE_LOWER})


def _skeleton_table() -> dict[int, str]:
    table = {}
    for ch in VIETNAMESE_LETTERS:
        base = unicodedata.normalize("NFD", ch)[0]
        if ch in "đĐ":
            base = "d" if ch == "đ" else "D"
        if base != ch:
            table[ord(ch)] = base
    return table


_SKELETON = _skeleton_table()


def skeleton(text: str) -> str:
    """The letters without tone or vowel marks and with đ as d ("hoạch" → "hoach"): the shape two
    forms that differ only by their marks share."""
    return text.translate(_SKELETON)


def _toneless_table() -> dict[int, str]:
    table = {}
    for ch in VIETNAMESE_LETTERS:
        nfd = unicodedata.normalize("NFD", ch)
        kept = "".join(c for c in nfd if c not in TONE_MARKS)
        if kept != nfd:
            table[ord(ch)] = unicodedata.normalize("NFC", kept)
    return table


_TONELESS = _toneless_table()


def strip_tone(text: str) -> str:
    """The text without its tone marks, vowel marks kept ("hoạch" → "hoach", "người" → "ngươi")."""
    return text.translate(_TONELESS)


def split_tone(syllable: str) -> tuple[str, int, int]:
    """(letters without the tone mark, tone 0-5, index of the letter that carries the mark or -1)."""
    base: list[str] = []
    tone, at = 0, -1
    for ch in unicodedata.normalize("NFD", syllable):
        t = TONE_MARKS.get(ch)
        if t is not None:
            if tone and tone != t:
                return "", -1, -1  # two different tone marks: not a syllable
            tone, at = t, sum(1 for c in base if not unicodedata.combining(c)) - 1
        else:
            base.append(ch)
    return unicodedata.normalize("NFC", "".join(base)), tone, at


# --- the syllable model --------------------------------------------------------------------------

_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")

# Rhymes without a medial glide, by nucleus (the diphthongs iê/ia, uô/ua, ươ/ưa included).
_PLAIN_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ich im in inh ip it iu
ia iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ua uôc uôi uôm uôn uông uôt
ư ưc ưi ưm ưn ưng ưt ưu
ưa ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""".split()
# Rhymes with the medial glide (written o before a, ă, e; u before â, ê, y, ơ).
_MEDIAL_RHYMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăp oăt
oe oem oen oeng oeo oet
uân uâng uât uây
uê uêch uên uênh uêt
uy uya uych uyên uyêt uynh uyp uyt uyu
uơ
""".split()
RHYMES = frozenset(_PLAIN_RHYMES + _MEDIAL_RHYMES)
_MEDIAL = frozenset(_MEDIAL_RHYMES)
_FRONT = ("i", "e", "ê", "y")  # k, gh, ngh come before these; c, g, ng never do


def parse(base: str) -> tuple[str, str] | None:
    """(onset, rhyme) of a lower-case syllable without its tone mark, or None when the letters make no
    Vietnamese syllable. "qu" keeps its u in the onset and "gi" its i ("quốc" → qu + ôc → rhyme uôc,
    "gìn" → gi + in)."""
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rest = base[len(onset):]
        rhyme = _rhyme_after(onset, rest)
        if rhyme is not None:
            return onset, rhyme
    return None


def _rhyme_after(onset: str, rest: str) -> str | None:
    if onset == "qu":
        if not rest:
            return None
        glided = ("o" if rest[0] in "aăe" else "u") + rest
        if glided in _MEDIAL or rest in ("i", "it", "in", "ynh"):  # "qui", "quít"
            return glided if glided in _MEDIAL else "u" + rest
        if rest[0] in "ôơ" and "u" + rest in RHYMES:  # "quốc", "quơ"
            return "u" + rest
        return None
    if onset == "gi":
        if rest and rest in RHYMES and rest[0] != "i" and not rest.startswith("y"):
            return rest
        joined = "i" + rest  # "gì", "gìn", "giếng" (gi + iêng)
        return joined if joined in RHYMES else None
    if rest not in RHYMES:
        return None
    front = rest.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return rest if front and rest not in _MEDIAL else None
    if onset in ("c", "g", "ng") and front:
        return None
    if onset in ("c", "k") and rest in _MEDIAL:
        return None
    if onset == "" and rest.startswith("i") and rest.startswith("iê"):
        return None  # "yên", never "iên", without an onset
    if onset and rest.startswith("yê"):
        return None  # after a consonant it is written iê
    if rest == "y" and onset not in ("", "h", "k", "l", "m", "s", "t", "v", "qu"):
        return None
    return rest


def tone_allowed(rhyme: str, tone: int) -> bool:
    """A syllable closed by p, t, c or ch takes only the sắc or nặng tone."""
    return not rhyme.endswith(STOP_CODAS) or tone in (1, 5)


def mark_positions(base: str, onset: str, rhyme: str) -> tuple[int, ...]:
    """Where the tone mark may sit (indices into `base`): on the vowel with a quality mark (the ơ of ươ),
    else on the last vowel before a consonant coda, else on the first vowel of the rhyme's nucleus;
    for the open oa, oe, uy either vowel (the old and the new convention)."""
    start = len(onset)
    letters = base[start:]
    vowels = [i for i, ch in enumerate(letters) if ch in VOWELS]
    if onset == "gi" and not vowels:
        return (start - 1,)  # "gì": the i of gi carries the mark
    if not vowels:
        return ()
    quality = [i for i in vowels if letters[i] in _QUALITY]
    if quality:
        return (start + quality[-1],)
    if vowels[-1] != len(letters) - 1:  # a consonant coda
        return (start + vowels[-1],)
    tail = letters[vowels[0]:]
    if tail in ("oa", "oe", "uy"):
        return (start + vowels[0], start + vowels[1])
    if len(vowels) == 3:  # oai, oay, oeo, uya, uyu
        return (start + vowels[1],)
    return (start + vowels[0],)


def analyse(word: str) -> tuple[str, str, str, int, bool] | None:
    """(base, onset, rhyme, tone, mark placed right) for a lower-case NFC word that has the letters of
    a Vietnamese syllable, None otherwise."""
    base, tone, at = split_tone(word)
    if tone < 0 or not base or any(ch not in VIETNAMESE_LOWER for ch in base):
        return None
    parsed = parse(base)
    if parsed is None:
        return None
    onset, rhyme = parsed
    if not tone_allowed(rhyme, tone):
        return None
    placed = tone == 0 or at in mark_positions(base, onset, rhyme)
    return base, onset, rhyme, tone, placed


def render(base: str, tone: int, onset: str | None = None, rhyme: str | None = None, old: bool = False) -> str:
    """The syllable written with its tone mark in place (the new convention "hòa", or the old "hoà")."""
    if tone == 0:
        return base
    if onset is None or rhyme is None:
        parsed = parse(base)
        if parsed is None:
            return base
        onset, rhyme = parsed
    spots = mark_positions(base, onset, rhyme)
    if not spots:
        return base
    i = spots[-1] if old else spots[0]
    return unicodedata.normalize("NFC", base[:i + 1] + _TONE_OF_MARK[tone] + base[i + 1:])


def spellings(syllable: str) -> tuple[str, ...]:
    """The written forms of a syllable in both tone conventions (one form for most syllables)."""
    a = analyse(syllable)
    if a is None:
        return (syllable,)
    base, onset, rhyme, tone, _ = a
    new, old = render(base, tone, onset, rhyme), render(base, tone, onset, rhyme, old=True)
    return (new,) if new == old else (new, old)


def canonical(syllable: str) -> str:
    """The syllable with its tone mark where the new convention puts it ("hoà" → "hòa")."""
    a = analyse(syllable)
    if a is None:
        return syllable
    base, onset, rhyme, tone, _ = a
    return render(base, tone, onset, rhyme)


def is_syllable(word: str) -> bool:
    """The word (lower case, NFC) is a possible Vietnamese syllable with its mark in place."""
    a = analyse(word)
    return a is not None and a[4]


# The open rhymes oa, oe, uy whose tone mark the two conventions place differently: new "hòa" -> old "hoà".
_TO_OLD = {unicodedata.normalize("NFC", v1 + m) + v2: v1 + unicodedata.normalize("NFC", v2 + m)
           for v1, v2 in (("o", "a"), ("o", "e"), ("u", "y")) for m in TONE_MARKS}
_NEW_OPEN = re.compile("(?<![qQ])(" + "|".join(_TO_OLD) + r")(?![^\W\d_])")


def old_convention(text: str) -> str:
    """The text with the tone marks of open oa, oe, uy where the old convention puts them ("hòa" → "hoà")."""
    return _NEW_OPEN.sub(lambda m: _TO_OLD[m.group(1)], text)


_TO_NEW = {v: k for k, v in _TO_OLD.items()}
# (A character class first, so that the regex engine skips to the candidates; "qu" is checked by hand.)
_OLD_OPEN = re.compile("[ou][àáảãạèéẻẽẹỳýỷỹỵ](?![^\\W\\d_])")


def _to_new(m: re.Match) -> str:
    pair = m.group(0)
    if pair not in _TO_NEW or (m.start() and m.string[m.start() - 1] in "qQ"):
        return pair
    return _TO_NEW[pair]


def new_convention(text: str) -> str:
    """The lower-case text with the tone marks of open oa, oe, uy where the new convention puts them
    ("hoà" → "hòa", "thuỷ" → "thủy"): the convention of the shipped lists. Same length."""
    return _OLD_OPEN.sub(_to_new, text)


_TONE_OF_CHAR = {unicodedata.normalize("NFC", v + m): t
                 for v in _PLAIN_VOWELS + _PLAIN_VOWELS.upper() for m, t in TONE_MARKS.items()}


def tone_of(word: str) -> int:
    """The tone (0-5) of the first letter of the word that carries a tone mark."""
    for ch in word:
        t = _TONE_OF_CHAR.get(ch)
        if t:
            return t
    return 0


_EDIT_LETTERS = "abcdeghiklmnopqrstuvxy"


def skeleton_edits(sk: str, replace: bool = True) -> tuple[set[str], set[str]]:
    """The skeletons one letter away from `sk`: (a letter dropped or added, a letter replaced or two
    swapped; empty unless `replace`)."""
    lengths, others = set(), set()
    for i in range(len(sk) + 1):
        head, tail = sk[:i], sk[i:]
        if tail:
            lengths.add(head + tail[1:])
            if replace:
                if len(tail) > 1:
                    others.add(head + tail[1] + tail[0] + tail[2:])
                for c in _EDIT_LETTERS:
                    others.add(head + c + tail[1:])
        for c in _EDIT_LETTERS:
            lengths.add(head + c + tail)
    lengths.discard(sk)
    others.discard(sk)
    return lengths, others - lengths


# --- the shipped lists ---------------------------------------------------------------------------

def _data_text(name: str) -> str:
    from .resources import rules_dir

    return (rules_dir() / "data" / name).read_text(encoding="utf-8")


_GROUP = re.compile(r"^([^\t\n#]+)\t(.*)$", re.M)


class Lexicon:
    """The syllables and words of the shipped lists, loaded once per process (see `lexicon()`), in the
    new tone convention ("hòa"; read the text through `new_convention`). Loading is a few C-level
    passes over the two texts; the frequencies are parsed on first use."""

    def __init__(self, syllable_text: str, word_text: str) -> None:
        #: skeleton -> "form:zipf form:zipf …" (the syllables of those letters)
        self.groups: dict[str, str] = dict(_GROUP.findall(syllable_text))
        self.syllables = frozenset(_FORM_NAME.findall(syllable_text))
        self._toned: dict[str, tuple[tuple[str, int], ...]] = {}
        words = set(word_text.split("\n"))
        words.discard("")
        self.free = frozenset(w for w in words if " " not in w and not w.startswith("#"))
        self.words = frozenset(w for w in words if " " in w and not w.startswith("#"))
        #: two syllables that make a word (the fragments of longer words do not: "kinh tế tập thể" holds
        #: "tập thể", not "tế tập")
        self.pairs = frozenset(w for w in self.words if w.count(" ") == 1)

    @property
    def trigrams(self) -> frozenset[str]:
        """Three syllables in a row inside the words of three or more ("căn cước công" of "căn cước công
        dân"), built on first use."""
        return _trigrams(self)

    def zipf(self, syllable: str) -> float:
        """Zipf frequency of a syllable in general Vietnamese text (3.0 rare … 7.3 "là"; 0 unknown)."""
        group = self.groups.get(skeleton(syllable))
        if group:
            for item in group.split(" "):
                form, _, z = item.partition(":")
                if form == syllable:
                    return int(z) / 10
        return 0.0

    def with_skeleton(self, sk: str) -> tuple[str, ...]:
        """The known syllables whose letters without marks are `sk`."""
        return tuple(f for f, _ in self.toned(sk))

    def toned(self, sk: str) -> tuple[tuple[str, int], ...]:
        """(syllable, tone) of the known syllables whose letters without marks are `sk` (parsed once)."""
        found = self._toned.get(sk)
        if found is None:
            group = self.groups.get(sk)
            found = tuple((f, tone_of(f)) for f in (x.partition(":")[0] for x in group.split(" "))) if group else ()
            self._toned[sk] = found
        return found


@cache
def _trigrams(lex: Lexicon) -> frozenset[str]:
    out = set()
    for w in lex.words:
        if w.count(" ") > 1:
            parts = w.split(" ")
            out.update(" ".join(parts[i:i + 3]) for i in range(len(parts) - 2))
    return frozenset(out)


_FORM_NAME = re.compile(r"(?m)(?<=[\t ])([^\s:#]+):\d")


@lru_cache(maxsize=4096)
def neighbours(lex: Lexicon, word: str, kinds: int = 3) -> tuple[tuple[str, int], ...]:
    """The known syllables one typing slip away from `word` (lower case), each with the kind of slip:
    1 the same letters with other marks (tone, â/ă/ê/ô/ơ/ư, đ: "bị đọng" → "động"); 2 one letter
    more or less, in the same tone ("Kế hạch" → "hoạch", "tập tể" → "thể"); 3 one letter replaced or
    two swapped, in the same tone (the least telling: many real syllables are that close). `kinds`: the
    highest kind wanted."""
    sk = skeleton(word)
    groups = lex.groups
    out = [(f, 1) for f in lex.with_skeleton(sk) if f != word]
    if kinds < 2:
        return tuple(out)
    tone = tone_of(word)
    lengths, others = skeleton_edits(sk, replace=kinds > 2)
    for kind, edits in ((2, lengths), (3, others)):
        for edit in [e for e in edits if e in groups]:
            out.extend((f, kind) for f, t in lex.toned(edit) if t == tone)
    return tuple(out)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon (`rules/data/vi_syllables.txt`, `vi_words.txt`), once per process."""
    return Lexicon(_data_text("vi_syllables.txt"), _data_text("vi_words.txt"))
