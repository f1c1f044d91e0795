"""Arabic-script names to Latin, spelt the way the sanctions lists spell them.

ICU's Any-Latin (what :func:`clearance.match.normalize.fold_text` applies) writes the
consonants and no vowels, glues the article on and keeps ta marbuta as ``t``:
``سميرة الشاهبندر`` -> ``smyrt alshahbndr``, far from the listed ``SAMIRA SHAHBANDAR``.
:func:`arabic_forms` gives up to three list-style spellings instead, plain ASCII strings
that the matcher folds and compares like any Latin query (as derived variants), and for an
organisation its name in English (four forms at most).

* Normalisation: NFKC (presentation forms), tatweel and Quranic marks dropped, Persian and
  Urdu letter shapes read as their Arabic counterparts; harakat, where a name has them,
  give the short vowels and shadda doubles.
* Words: honorifics heading the name as the Latin titles (``الدكتور`` -> ``dr``,
  ``السيدة`` -> ``mrs``), the article split off (``al``), ``عبد ال...`` ->
  ``abd al ...``/``abdul ...``, ``X الله`` -> ``Xallah``/``Xullah``, ``X الدين`` ->
  ``X al din``/``Xuddin``, ``أبو`` -> ``abu``, ``بن`` -> ``bin``, ``ولد`` -> ``ould``;
  a table of the commonest given names and name parts in their usual spellings.
* Letters: ta marbuta and alif maqsura -> ``a``, long ``و`` -> ``u`` (``w`` as a consonant),
  ``ي`` -> ``i`` (``y`` as a consonant, ``ay`` after a first consonant: Saif, Faisal),
  ``ع`` -> ``a`` where it carries the vowel, hamza dropped; the unwritten short vowels
  guessed from Arabic syllable shapes: no word begins with two consonants nor has three in
  a row (``a`` between), ``CāCC`` is the participle ``CāCiC`` (Qasim, Jasim), initial
  ``اCCā`` a verbal noun ``iCCā`` (Islam, Intisar).

The three forms follow three customs: Arab (``abd al``, ``th``, ``dh``), South Asian and
Persian (``abdul``, ``-ullah``, ``-uddin``, ``ث`` -> ``s``, ``ذ ض ظ`` -> ``z``, Pashto
``-zai``) and Maghreb/French (``abdel``, ``abderrahmane``, ``ben``, ``el``, ``ou``,
``ch``). A name written with Persian or Urdu letters gets the South Asian form first.

Organisations. The lists mostly translate an organisation's name (``الجماعة الاسلامية
المقاتلة الليبية`` is ``LIBYAN ISLAMIC FIGHTING GROUP``). A name holding an organisation
noun (:data:`ORG_HEADS`: group, army, movement, front, foundation, company, bank, network,
money exchange...), ``في`` (in) or ``الجهاد``/``القاعدة`` gets a form with the words of
:data:`ORG_WORDS` in English (adjectives, gentilics, places, ``و`` and, ``ل`` for, ``ب``
in, glued or not) and the others spelt the Arab way; a second one where a word is
translated two ways (fighting/combatant), in place of the last spelling. A name made of
glossary words alone needs three of them (``الاتحاد الاسلامي`` "Islamic Union" alone is
in too many names); a word before ``الله`` is a name (Hizballah). The spellings know the
commonest organisation words (``جماعة`` jamaat, ``جيش`` jaysh, ``نصرة`` nusra) and split
``wal`` off (``والجهاد`` -> ``wal jihad``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARAB, SOUTH_ASIAN, MAGHREB = 0, 1, 2
MAX_FORMS = 4
MAX_TRANSLATIONS = 2  # an organisation's name in English (the rest, its spellings)
MIN_GENERIC_WORDS = 3  # a name translated whole needs this many words

_ARABIC = re.compile(
    r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc]"
)  # letters, presentation forms included
_PERSIAN = re.compile(  # letters of Persian, Urdu and Pashto
    r"[\u067e\u0686\u0698\u06a9\u06af\u06c1\u06cc\u06d2\u0679\u0688\u0691\u06ba\u06be\u0681\u0685\u069a\u0696\u0693\u067c\u0689\u06bc]"
)
# Quranic annotation marks, tatweel, superscript alef
_DROP = re.compile(r"[\u0610-\u061a\u0640\u0670\u06d6-\u06ed]")
_NOT_LETTER = re.compile(r"[^\u0621-\u063a\u0641-\u0652\u067e\u0686\u0698\u06afa-z0-9]+")
_MARKS = ("\u064b", "\u0652")  # harakat range, tanween to sukun
_SHADDA = "\u0651"
_NO_MARKS = str.maketrans("", "", "".join(map(chr, range(0x064B, 0x0653))))
_VOWEL_MARKS = {"\u064e": "a", "\u064f": "u", "\u0650": "i"}

# Persian, Urdu and Pashto letter shapes -> Arabic letters of the same sound.
_SHAPES = str.maketrans(
    {
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        "ے": "ي",
        "ک": "ك",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ۀ": "ة",
        "ۃ": "ة",
        "ٱ": "ا",
        "ں": "ن",
        "ڤ": "ف",
        "ٹ": "ت",
        "ڈ": "د",
        "ڑ": "ر",
        # Pashto
        "ځ": "ج",  # dz, written j by the lists (JADRAN)
        "څ": "س",
        "ښ": "ش",
        "ږ": "ژ",
        "ړ": "ر",
        "ټ": "ت",
        "ډ": "د",
        "ڼ": "ن",
    }
)
# Lookup key of a word: hamza seats and final-letter variants folded.
_KEY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_LONG_LETTERS = frozenset("اآىةوي")
_SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")

# Consonants: one spelling per custom (Arab, South Asian, Maghreb).
CONSONANTS: dict[str, tuple[str, str, str]] = {
    "ب": ("b", "b", "b"),
    "پ": ("p", "p", "p"),
    "ت": ("t", "t", "t"),
    "ث": ("th", "s", "t"),
    "ج": ("j", "j", "j"),
    "چ": ("ch", "ch", "tch"),
    "ح": ("h", "h", "h"),
    "خ": ("kh", "kh", "kh"),
    "د": ("d", "d", "d"),
    "ذ": ("dh", "z", "dh"),
    "ر": ("r", "r", "r"),
    "ز": ("z", "z", "z"),
    "ژ": ("zh", "zh", "j"),
    "س": ("s", "s", "s"),
    "ش": ("sh", "sh", "ch"),
    "ص": ("s", "s", "s"),
    "ض": ("d", "z", "dh"),
    "ط": ("t", "t", "t"),
    "ظ": ("z", "z", "dh"),
    "غ": ("gh", "gh", "gh"),
    "ف": ("f", "f", "f"),
    "ق": ("q", "q", "k"),
    "ك": ("k", "k", "k"),
    "گ": ("g", "g", "g"),
    "ل": ("l", "l", "l"),
    "م": ("m", "m", "m"),
    "ن": ("n", "n", "n"),
    "ه": ("h", "h", "h"),
}

NAMES: dict[str, tuple[str, ...]] = {
    "محمد": ("muhammad", "mohammad", "mohamed"),
    "احمد": ("ahmad", "ahmad", "ahmed"),
    "محمود": ("mahmud", "mahmood", "mahmoud"),
    "مصطفي": ("mustafa", "mustafa", "mustapha"),
    "علي": ("ali",),
    "عمر": ("umar", "omar", "omar"),
    "عثمان": ("uthman", "usman", "othman"),
    "يوسف": ("yusuf", "yousuf", "youssef"),
    "ابراهيم": ("ibrahim",),
    "اسماعيل": ("ismail",),
    "اسحاق": ("ishaq",),
    "يعقوب": ("yaqub", "yaqoob", "yacoub"),
    "ايوب": ("ayyub", "ayub", "ayoub"),
    "داود": ("dawud", "dawood", "daoud"),
    "موسي": ("musa", "musa", "moussa"),
    "عيسي": ("isa", "isa", "aissa"),
    "يحيي": ("yahya", "yahya", "yahia"),
    "يونس": ("yunus", "younis", "younes"),
    "ادريس": ("idris",),
    "سليمان": ("sulayman", "sulaiman", "slimane"),
    "حسن": ("hasan", "hassan", "hassan"),
    "حسين": ("husayn", "hussain", "hocine"),
    "خالد": ("khalid", "khalid", "khaled"),
    "سعيد": ("said", "saeed", "said"),
    "سعد": ("saad",),
    "جمال": ("jamal", "jamal", "djamel"),
    "كمال": ("kamal", "kamal", "kamel"),
    "عادل": ("adil", "adil", "adel"),
    "عبيد": ("ubayd", "obaid", "obeid"),
    "عبد": ("abd", "abdul", "abdel"),
    "حمزه": ("hamza",),
    "حمد": ("hamad",),
    "حامد": ("hamid", "hamid", "hamed"),
    "زيد": ("zayd", "zaid", "zaid"),
    "زياد": ("ziyad", "ziad", "ziad"),
    "طارق": ("tariq", "tariq", "tarek"),
    "قاسم": ("qasim", "qasim", "kacem"),
    "هاشم": ("hashim", "hashim", "hachem"),
    "فيصل": ("faysal", "faisal", "faycal"),
    "ناصر": ("nasir", "nasir", "nacer"),
    "منصور": ("mansur", "mansoor", "mansour"),
    "سلطان": ("sultan",),
    "سالم": ("salim", "salim", "salem"),
    "سليم": ("salim", "salim", "slim"),
    "صالح": ("salih", "saleh", "saleh"),
    "صلاح": ("salah",),
    "رشيد": ("rashid", "rashid", "rachid"),
    "امين": ("amin",),
    "انور": ("anwar",),
    "نور": ("nur", "noor", "nour"),
    "جعفر": ("jafar",),
    "عباس": ("abbas",),
    "اسامه": ("usama", "osama", "oussama"),
    "عمرو": ("amr",),
    "طه": ("taha",),
    "ياسين": ("yasin", "yaseen", "yacine"),
    "ياسر": ("yasir", "yasser", "yasser"),
    "وليد": ("walid", "waleed", "walid"),
    "بلال": ("bilal", "bilal", "bilel"),
    "مروان": ("marwan",),
    "جابر": ("jabir", "jaber", "jaber"),
    "خليل": ("khalil",),
    "خليفه": ("khalifa",),
    "مهدي": ("mahdi", "mahdi", "mehdi"),
    "حبيب": ("habib",),
    "بكر": ("bakr", "bakar", "bakr"),
    "شيخ": ("shaykh", "sheikh", "cheikh"),
    "سيد": ("sayyid", "sayed", "sayed"),
    "ملا": ("mullah",),
    "حاجي": ("haji",),
    "قاري": ("qari",),
    "مولوي": ("mawlawi", "maulavi", "mawlawi"),
    "اخوند": ("akhund",),
    "خان": ("khan",),
    "شاه": ("shah",),
    "ابو": ("abu", "abu", "abou"),
    "بن": ("bin", "bin", "ben"),
    "ابن": ("ibn", "ibn", "ben"),
    "بنت": ("bint",),
    "ولد": ("ould",),
    "ال": ("al",),
    "الله": ("allah",),
    "فاطمه": ("fatima", "fatima", "fatma"),
    "عايشه": ("aisha", "ayesha", "aicha"),
    "خديجه": ("khadija", "khadija", "khadidja"),
    "مريم": ("maryam", "maryam", "meriem"),
    "زينب": ("zaynab", "zainab", "zineb"),
    "ليلي": ("layla", "laila", "leila"),
    "ساره": ("sara",),
    "انس": ("anas",),
    "معاذ": ("muadh", "muaz", "mouadh"),
    "بشار": ("bashar", "bashar", "bachar"),
    "بشير": ("bashir", "bashir", "bachir"),
    "نبيل": ("nabil",),
    "نزار": ("nizar",),
    "هشام": ("hisham", "hisham", "hichem"),
    "عماد": ("imad", "imad", "imed"),
    "عصام": ("isam", "isam", "issam"),
    "جهاد": ("jihad",),
    "رياض": ("riyad", "riaz", "riad"),
    "رضا": ("rida", "raza", "ridha"),
    "فواد": ("fuad", "fawad", "fouad"),
    "رايد": ("raid", "raed", "raed"),
    "فادي": ("fadi",),
    "سامي": ("sami",),
    "هاني": ("hani",),
    "راشد": ("rashid", "rashid", "rached"),
    "ماجد": ("majid", "majid", "majed"),
    "فهد": ("fahd", "fahad", "fahd"),
    "تركي": ("turki",),
    "نايف": ("nayif", "naif", "nayef"),
    "سلمان": ("salman",),
    "عبيده": ("ubayda", "ubaida", "obeida"),
    "حذيفه": ("hudhayfa", "huzaifa", "houdheifa"),
    "مصعب": ("musab", "musab", "moussab"),
    "عمار": ("ammar",),
    "توفيق": ("tawfiq", "tawfiq", "toufik"),
    "فتحي": ("fathi",),
    "صبري": ("sabri",),
    "محي": ("muhyi", "mohi", "mohi"),
    "محيي": ("muhyi", "mohi", "mohi"),
    "نجيب": ("najib",),
    "منير": ("munir", "munir", "mounir"),
    "سمير": ("samir",),
    "امير": ("amir",),
    "زهير": ("zuhayr", "zuhair", "zouheir"),
    "جواد": ("jawad", "jawad", "djaouad"),
    "مراد": ("murad", "murad", "mourad"),
    "عدنان": ("adnan",),
    "غسان": ("ghassan",),
    "لقمان": ("luqman", "luqman", "lokmane"),
    "حمدان": ("hamdan",),
    "عمران": ("imran",),
    "رضوان": ("ridwan", "rizwan", "redouane"),
    "شعبان": ("shaban", "shaban", "chaabane"),
    "رمضان": ("ramadan", "ramzan", "ramdane"),
    "عدي": ("uday",),
    "قصي": ("qusay",),
    "لوي": ("luay",),
    "سعود": ("saud",),
    "محسن": ("muhsin", "mohsin", "mohsen"),
    "حسان": ("hassan",),
    "بسام": ("bassam",),
    "صدام": ("saddam",),
    "هيثم": ("haytham", "haitham", "haythem"),
    "ايمن": ("ayman", "ayman", "aymen"),
    "نعمان": ("numan", "noman", "nouman"),
    "اياد": ("iyad", "iyad", "iyed"),
    "زكريا": ("zakariya", "zakaria", "zakaria"),
    "حافظ": ("hafiz", "hafiz", "hafedh"),
    "شريف": ("sharif", "sharif", "cherif"),
    "عزيز": ("aziz",),
    "مختار": ("mukhtar", "mukhtar", "mokhtar"),
    "مسعود": ("masud", "masood", "messaoud"),
    "محفوظ": ("mahfuz", "mahfooz", "mahfoudh"),
    "مبارك": ("mubarak", "mubarak", "moubarak"),
    "مجاهد": ("mujahid",),
    "مولانا": ("mawlana", "maulana", "mawlana"),
    "حاج": ("hajj", "haji", "hadj"),
    "غلام": ("ghulam",),
    "الهي": ("ilahi",),
    "امام": ("imam",),
    # names of God after عبد (Abd al-X) and other common parts
    "رحمن": ("rahman", "rahman", "rahmane"),
    "رحمان": ("rahman", "rahman", "rahmane"),
    "رحيم": ("rahim",),
    "كريم": ("karim",),
    "قادر": ("qadir", "qadir", "kader"),
    "ستار": ("sattar",),
    "غفار": ("ghaffar",),
    "غفور": ("ghafur", "ghafoor", "ghafour"),
    "فتاح": ("fattah",),
    "رزاق": ("razzaq", "razaq", "razak"),
    "لطيف": ("latif",),
    "مجيد": ("majid", "majid", "madjid"),
    "حميد": ("hamid", "hamid", "hamid"),
    "حكيم": ("hakim",),
    "حليم": ("halim",),
    "جليل": ("jalil",),
    "سلام": ("salam",),
    "واحد": ("wahid", "wahid", "wahed"),
    "باقي": ("baqi",),
    "باري": ("bari",),
    "حي": ("hayy", "hai", "hai"),
    "حق": ("haqq", "haq", "haq"),
    "غني": ("ghani",),
    "صمد": ("samad",),
    "منان": ("mannan", "manan", "mannan"),
    "رووف": ("rauf",),
    "رءوف": ("rauf",),
    "ملك": ("malik", "malik", "malek"),
    "مالك": ("malik", "malik", "malek"),
    "دين": ("din",),
    # words of organisations' names, as the lists spell them
    "و": ("wa",),
    "د": ("da",),  # Pashto "of"
    "جماعه": ("jamaat", "jamaat", "jamaa"),
    "جمعيه": ("jamiat",),
    "نصره": ("nusra",),
    "توحيد": ("tawhid",),
    "مسلمين": ("muslimin",),
    "مجاهدين": ("mujahidin", "mujahideen", "moudjahidine"),
    "مهاجرين": ("muhajirin",),
    "انصار": ("ansar",),
    "احرار": ("ahrar",),
    "شريعه": ("sharia", "shariah", "charia"),
    "جيش": ("jaysh", "jaish", "jaich"),
    "حركه": ("harakat",),
    "تحريك": ("tahrik", "tehrik", "tahrik"),
    "تنظيم": ("tanzim",),
    "دوله": ("dawla", "dawlat", "dawla"),
    "ولايه": ("wilayat",),
    "جبهه": ("jabhat",),
    "كتايب": ("kataib",),
    "سرايا": ("saraya",),
    "جند": ("jund",),
    "تراث": ("turath",),
    "احيا": ("ihya",),
    "احياء": ("ihya",),
    "بلاد": ("bilad",),
    "عراق": ("iraq",),
    "شام": ("sham", "sham", "cham"),
    "حزب": ("hizb",),
    "موسسه": ("muassasat",),
    "شركه": ("sharikat",),
    "بنك": ("bank",),
    "منظمه": ("munazzamat",),
    "مجلس": ("majlis",),
    "اتحاد": ("ittihad",),
    "مركز": ("markaz",),
    "لواء": ("liwa",),
    "كتيبه": ("katibat",),
}

# Joined to the name before them (not after عبد, which has its own forms).
_COMPOUNDS: dict[str, tuple[str, str, str]] = {
    "الله": ("allah", "ullah", "allah"),
    "الدين": (" al din", "uddin", "eddine"),
    "الرحمن": (" al rahman", " ur rahman", "errahmane"),
    "الرحمان": (" al rahman", " ur rahman", "errahmane"),
    "خيل": (" khayl", "khel", " khel"),  # Pashto clan names: Shahidkhel
    "زاده": (" zadah", "zada", "zadeh"),  # son of: Akhundzada, Alizadeh
}
_ABD_ALLAH = ("abdallah", "abdullah", "abdellah")
_PAIRS = {("ابو", "بكر"): ("abu bakr", "abubakar", "aboubakr")}
_ARTICLE = ("al ", "al ", "el ")
_PASHTO_ZAI = "زي"  # tribal names: Noorzai, Achakzai, Barakzai
# honorifics heading a name (lookup keys), as the Latin titles the matcher weighs least
TITLES = {
    "الدكتور": "dr",
    "الدكتوره": "dr",
    "الاستاذ": "prof",
    "الاستاذه": "prof",
    "السيد": "mr",
    "السيده": "mrs",
    "الانسه": "miss",
    "الشيخ": "sheikh",
    "الحاج": "haji",
    "الحاجه": "haji",
}

C, V, SHORT = 0, 1, 2  # a unit is a consonant, a written vowel or a guessed short vowel
Unit = tuple[str, int]


def has_arabic(text: str) -> bool:
    """Whether the text has a letter of the Arabic script (Arabic, Persian, Urdu...)."""
    return bool(_ARABIC.search(text))


def arabic_forms(name: str) -> list[str]:
    """Latin spellings of an Arabic-script name in the style of sanctions lists, at most 3,
    best first; [] if no Arabic letters."""
    if not has_arabic(name):
        return []
    text = _DROP.sub("", unicodedata.normalize("NFKC", name)).lower()
    # Persian or Urdu letters: a South Asian or Afghan name, never spelt the Maghreb way
    order = (SOUTH_ASIAN, ARAB) if _PERSIAN.search(text) else (ARAB, SOUTH_ASIAN, MAGHREB)
    words = _split(_NOT_LETTER.sub(" ", text.translate(_SHAPES)).split())
    titles: list[str] = []
    while len(words) > 1 and _key(words[0]) in TITLES:  # الدكتور, السيدة: Dr, Mrs
        titles.append(TITLES[_key(words.pop(0))])
    forms: list[str] = []
    for custom in order:
        form = " ".join(" ".join(titles + _spell(words, custom)).split())
        if form and form not in forms:
            forms.append(form)
    translated = [
        t
        for t in (" ".join(titles + [f]) for f in _translations(words, order[0]))
        if t not in forms
    ]
    keep = max(MAX_FORMS - len(translated), MAX_FORMS - MAX_TRANSLATIONS)
    return (forms[:keep] + translated)[:MAX_FORMS]


def _bare(word: str) -> str:
    """The word without harakat."""
    return word.translate(_NO_MARKS)


def _key(word: str) -> str:
    return _bare(word).translate(_KEY)


def _split(words: list[str]) -> list[str]:
    """Separate glued name parts: عبدالله -> عبد الله, أبوغيث -> أبو غيث."""
    out: list[str] = []
    for word in words:
        key, bare = _key(word), _bare(word)  # key and bare have the same letter positions
        if key.startswith("عبدال") and len(key) > 5:
            out += ["عبد", bare[3:]]
        elif key in ("عبدلله", "عبدالله"):
            out += ["عبد", "الله"]
        elif key.startswith("ابو") and len(key) >= 6 and key not in NAMES:
            out += [bare[:3], bare[3:]]
        elif key.endswith("الله") and len(key) > 4:
            out += [bare[:-4], "الله"]
        elif key.endswith("الدين") and len(key) > 5:
            out += [bare[:-5], "الدين"]
        elif key.endswith("عبد") and key[:-3] in NAMES:
            out += [bare[:-3], "عبد"]  # محمدعبد: two names run together
        elif key.startswith("وال") and len(key) >= 6:
            out += ["و", bare[1:]]  # والجهاد: wa + al-Jihad
        else:
            out.append(word)
    return out


def _spell(words: list[str], custom: int) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        key, next_key = _key(word), _key(nxt)
        i += 1
        if (key, next_key) in _PAIRS:
            out.append(_PAIRS[key, next_key][custom])
            i += 1
        elif key == "و" and next_key.startswith("ال") and len(next_key) > 3:
            out.append("wal " + _word(nxt[2:], custom))  # wal-Jihad
            i += 1
        elif key == "عبد" and next_key == "الله":
            out.append(_ABD_ALLAH[custom])
            i += 1
        elif key == "عبد" and next_key.startswith("ال") and len(next_key) > 3:
            out.append(_abd(nxt[2:], custom))
            i += 1
        elif next_key in _COMPOUNDS and key not in ("عبد", "ال"):
            out.append(_word(word, custom, construct=True) + _COMPOUNDS[next_key][custom])
            i += 1
        else:
            out.append(_word(word, custom))
    return out


def _abd(name: str, custom: int) -> str:
    """عبد + the article + a name: abd al Rahman, abdul Rahman, abderrahmane."""
    spelled = _word(name, custom)
    if custom == ARAB:
        return "abd al " + spelled
    if custom == SOUTH_ASIAN:
        return "abdul " + spelled
    if _bare(name)[:1] in _SUN_LETTERS:  # the article assimilates: abdessalam, abdechakour
        return "abde" + ("" if spelled[1:2] == "h" else spelled[0]) + spelled
    return "abdel" + spelled


@lru_cache(maxsize=65536)
def _word(word: str, custom: int, construct: bool = False) -> str:
    key = _key(word)
    if key in NAMES:
        spellings = NAMES[key]
        return spellings[min(custom, len(spellings) - 1)]
    if key.startswith("ال") and len(key) > 3:
        rest = word[2:]
        known = NAMES.get(_key(rest))
        if known:
            return _ARTICLE[custom] + known[min(custom, len(known) - 1)]
        return _ARTICLE[custom] + _letters(rest, custom, construct)
    if custom == SOUTH_ASIAN and key.endswith(_PASHTO_ZAI) and len(key) >= 4:
        return _letters(word[:-2], custom, False) + "zai"
    return _letters(word, custom, construct)


def _letters(word: str, custom: int, construct: bool) -> str:
    """Letter-by-letter spelling with the vowels Arabic leaves unwritten guessed."""
    if word.isascii():
        return word
    seq: list[tuple[str, str]] = []  # (letter, the harakat written after it)
    for c in word:
        if _MARKS[0] <= c <= _MARKS[1]:
            if seq:
                seq[-1] = (seq[-1][0], seq[-1][1] + c)
        else:
            seq.append((c, ""))
    letters = [c for c, _ in seq]
    units: list[Unit] = []
    for pos, (_, marks) in enumerate(seq):
        units.extend(_letter(letters, pos, custom, units, construct))
        for m in sorted(marks, key=lambda m: m != _SHADDA):  # NFKC puts shadda last
            if m == _SHADDA and units and units[-1][1] == C:
                units.append(units[-1])
            elif m in _VOWEL_MARKS:
                units.append((_VOWEL_MARKS[m], SHORT))
    if not any(marks for _, marks in seq):
        units = _guess_vowels(units, custom)
    return re.sub(r"([aiu])\1+", r"\1", "".join(s for s, _ in units))


def _letter(
    letters: list[str], pos: int, custom: int, units: list[Unit], construct: bool
) -> list[Unit]:
    c = letters[pos]
    nxt = letters[pos + 1] if pos + 1 < len(letters) else ""
    first, last = pos == 0, pos == len(letters) - 1
    after_vowel = bool(units) and units[-1][1] != C
    if c in CONSONANTS:
        if c == "ه" and last and not first and not after_vowel:  # colloquial/Persian ة
            return [("a" if custom == SOUTH_ASIAN else "ah", V)]
        if c == "ه" and last and pos >= 4 and units[-1] == ("i", V):  # ـيه for ـية: Zayniyah
            return [(("yah", "ya", "ye")[custom], V)]
        return [(CONSONANTS[c][custom], C)]
    if c == "ا" and first and len(letters) >= 5 and all(x in CONSONANTS for x in letters[1:3]):
        return [("i" if "ا" in letters[3:5] else "a", V)]  # Islam, Intisar; Ashraf
    if c in "اآى":
        return [("a", V)]
    if c == "ة":
        if not last:
            return [("t", C)]
        if construct:
            return [("at", V)]
        return [("ah" if units and units[-1] == ("", C) else "a", V)]  # Jama'ah
    if c == "أ":
        return [("a", V)] if first or not after_vowel else []
    if c in "إئ":
        return [("i", V)]
    if c == "ؤ":
        return [("u", V)]
    if c == "ع":  # the vowel it carries, unless a long vowel is next to it
        if units and units[-1] == ("a", V) and len(units) >= 2:
            return [("", C)]  # a consonant after a long a: Qa'ida, Jama'ah
        return [] if nxt in "اآى" or (after_vowel and not first) else [("a", SHORT)]
    if c == "و":
        if custom == MAGHREB:
            return [("ou", V)]
        if first or after_vowel:
            return [("w", C)]
        if nxt in _LONG_LETTERS and nxt != "و":
            return [("a", SHORT), ("w", C)]
        return [("u", V)]
    if c == "ي":
        if first or (after_vowel and nxt in _LONG_LETTERS):
            return [("y", C)]
        if units and units[-1] == ("a", V):  # after a long a: Hidayat, Sayyaf; Hani
            return [("i", V)] if last else [("y", C)]
        if nxt in _LONG_LETTERS and nxt != "ي":
            return [("i", V)] if custom == SOUTH_ASIAN else [("i", V), ("y", C)]
        if pos == 1 and not last:  # C-ay-C: Saif, Zaid, Faisal, Haidar
            return [(("ay", "ai", "ei")[custom], V)]
        return [("i", V)]
    return []


def _guess_vowels(units: list[Unit], custom: int) -> list[Unit]:
    """Short vowels where Arabic syllables need one: ``a`` after a word's first consonant
    when a second follows, inside runs of three consonants and in a final two-consonant
    cluster of a word with no written vowel (Rajab, Ahad); ``i`` in ``CāCC`` (the active
    participle ``CāCiC``: Qasim, Qa'ida; ``e`` in the Maghreb custom: Jasem)."""
    consonants = sum(1 for spelling, kind in units if kind == C and spelling)
    unvowelled = all(kind != V for kind in (k for _, k in units[1:]))
    out: list[Unit] = []
    run = 0
    for i, (spelling, kind) in enumerate(units):
        if kind != C:
            run = 0
            out.append((spelling, kind))
            continue
        last = i == len(units) - 1
        participle = (
            run == 1
            and len(out) >= 3
            and out[-2] == ("a", V)
            and out[-3][1] == C
            and out[-1][0] not in ("w", "y")
            and (last or units[i + 1][1] != C)
            and (last or custom != SOUTH_ASIAN or not out[-1][0])
        )
        if participle:
            out.append(("e" if custom == MAGHREB else "i", SHORT))
            run = 0
        elif (run == 1 and i == 1) or run >= 2 or (run and last and unvowelled and consonants <= 3):
            out.append(("a", SHORT))
            run = 0
        run += 1
        out.append((spelling, kind))
    return out


# Organisation words in English, as the lists translate them (``الجماعة الاسلامية المقاتلة
# الليبية`` is ``LIBYAN ISLAMIC FIGHTING GROUP``). Keys are lookup keys without the article;
# an adjective's feminine (final ة) is looked up as its masculine.
ORG_HEADS: dict[str, str] = {
    "جماعه": "group",
    "جماعت": "group",
    "حركه": "movement",
    "جيش": "army",
    "تنظيم": "organization",
    "منظمه": "organization",
    "جبهه": "front",
    "دوله": "state",
    "موسسه": "foundation",
    "جمعيه": "society",
    "شركه": "company",
    "كمپني": "company",
    "بنك": "bank",
    "مصرف": "bank",
    "لواء": "brigade",
    "لوا": "brigade",
    "كتايب": "brigades",
    "كتيبه": "battalion",
    "فيلق": "corps",
    "هييه": "commission",
    "مجلس": "council",
    "حزب": "party",
    "اتحاد": "union",
    "مركز": "center",
    "مكتب": "office",
    "شبكه": "network",
    "صرافه": "money exchange",
    "صرافي": "money exchange",
    "صندوق": "fund",
    "جامعه": "university",
    "معهد": "institute",
}
ORG_WORDS: dict[str, str] = {
    **ORG_HEADS,
    # adjectives (masculine; the feminine is looked up without its final ة)
    "اسلامي": "islamic",
    "عربي": "arab",
    "مسلح": "armed",
    "مقاتل": "fighting/combatant",
    "دولي": "international",
    "عالمي": "world",
    "وطني": "national",
    "شعبي": "popular",
    "خيري": "charitable",
    "انساني": "humanitarian",
    "مصري": "egyptian",
    "ليبي": "libyan",
    "تونسي": "tunisian",
    "مغربي": "moroccan",
    "جزايري": "algerian",
    "عراقي": "iraqi",
    "سوري": "syrian",
    "يمني": "yemeni",
    "لبناني": "lebanese",
    "فلسطيني": "palestinian",
    "صومالي": "somali",
    "سوداني": "sudanese",
    "افغاني": "afghan",
    "باكستاني": "pakistani",
    "سعودي": "saudi",
    "اردني": "jordanian",
    "ايراني": "iranian",
    "كويتي": "kuwaiti",
    # nouns
    "اغاثه": "relief",
    "تجاره": "trading",
    "اسلام": "islam",
    "جهاد": "jihad",
    "شهدا": "martyrs",
    "بلاد": "land/",  # LAND OF THE TWO RIVERS, or left out: IN THE ISLAMIC MAGHREB
    "اهل": "people",
    "جزيره": "peninsula",
    "غرب": "west",
    "شرق": "east",
    "شمال": "north",
    "جنوب": "south",
    # places
    "عراق": "iraq",
    "رافدين": "two rivers",  # Mesopotamia: IN THE LAND OF THE TWO RIVERS
    "شام": "levant",
    "يمن": "yemen",
    "مصر": "egypt",
    "ليبيا": "libya",
    "تونس": "tunisia",
    "مغرب": "maghreb",
    "جزاير": "algeria",
    "سودان": "sudan",
    "صومال": "somalia",
    "سوريا": "syria",
    "لبنان": "lebanon",
    "فلسطين": "palestine",
    "افغانستان": "afghanistan",
    "باكستان": "pakistan",
    "ايران": "iran",
    "عرب": "arab",
    "افريقيا": "africa",
    # function words
    "في": "in",
    "من": "of",
    "و": "and",
    "او": "and",  # Pashto and Persian
}
_ARTICLE_HEADS = frozenset({"الجهاد", "القاعده"})
_FUNCTION_WORDS = frozenset({"in", "of", "and", "for"})
_PREFIXES = (("و", "and"), ("لل", "for"), ("ل", "for"), ("ب", "in"))


def _org_word(key: str) -> str | None:
    """English for a lookup key, article and feminine ending allowed; None if not a
    glossary word."""
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    found = ORG_WORDS.get(key)
    if found is None and key.endswith("ه") and len(key) > 3:
        found = ORG_WORDS.get(key[:-1])
    return found


def _org_parts(key: str, alternative: int) -> list[str] | None:
    """A word as English words, a glued conjunction or preposition apart (``والشام`` ->
    and levant, ``للصرافة`` -> for money exchange); None if not a glossary word. A word
    translated two ways (``fighting/combatant``) gives its ``alternative``-th (0 or 1)."""
    found = _org_word(key)
    parts = None if found is None else [found]
    for prefix, english in _PREFIXES:
        if parts is None and key.startswith(prefix) and len(key) > len(prefix) + 2:
            rest = _org_word(key[len(prefix) :])
            if rest is not None:
                parts = [english, rest]
    if parts is None:
        return None
    return [part.split("/")[min(alternative, part.count("/"))] for part in parts]


def _is_head(key: str) -> bool:
    """An organisation noun, maybe with the article and a glued preposition; ``في``; a
    noun that names an organisation with the article (``الجهاد``, ``القاعدة``)."""
    if key == "في" or key in _ARTICLE_HEADS:
        return True
    for prefix in ("", *(p for p, _ in _PREFIXES)):
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            rest = rest[2:] if rest.startswith("ال") and len(rest) > 3 else rest
            if rest in ORG_HEADS:
                return True
    return False


def _translations(words: list[str], custom: int) -> list[str]:
    """An organisation's name with its glossary words in English and the others spelt
    the lists' way, twice where a word has two translations; [] for a name with no
    organisation noun nor ``في`` (a person's ``المصري`` stays al-Masri)."""
    keys = [_key(w) for w in words]
    if not any(_is_head(k) for k in keys):
        return []
    found = [_org_parts(k, 0) for k in keys]
    english = {w for parts in found if parts for w in parts} - _FUNCTION_WORDS
    if None not in found and len(english) < MIN_GENERIC_WORDS:
        return []  # "Islamic Union" alone is in too many names
    forms: list[str] = []
    for alternative in range(MAX_TRANSLATIONS):
        out: list[str] = []
        run: list[str] = []
        for i, (word, key) in enumerate(zip(words, keys, strict=True)):
            parts = _org_parts(key, alternative)
            if parts is None or keys[i + 1 : i + 2] == ["الله"]:  # Hizballah, a name
                run.append(word)
                continue
            out.extend(_spell(run, custom))
            out.extend(parts)
            run = []
        out.extend(_spell(run, custom))
        form = " ".join(" ".join(out).split())
        if form not in forms:
            forms.append(form)
    return forms
