#!/usr/bin/env python3
"""Validate a labelled set for the understanding step (see README.md next to this file).

Usage: python3 check.py [set-a.jsonl set-b.jsonl train.jsonl ...] [--set a|b|t] [--stats]

With no file, checks every *.jsonl next to this script. Checks every line: valid JSON object, known keys,
unique ids in order, intents (1-3, allowed, no duplicates), slot names and value formats, category, split
(set-a: tune/holdout; train.jsonl: train; none in set-b or set-c) and `previous` for follow-ups. train.jsonl (ids
t0001...) also keeps diets in the README's order and is compared with the scored sets for repeated texts
(only its own ids are printed). Prints counts per intent, per category and per split; --stats adds intent
by category, slots, sentiment and language. Exit status 1 if any error was found. Standard library only.
"""
import collections
import datetime
import json
import os
import re
import sys

INTENTS = [
    "comfort-cold", "comfort-thirsty", "comfort-hungry", "comfort-tired", "menu", "offers",
    "order-status", "order-change", "refund", "complaint", "payment", "receipt", "open-now", "nearest",
    "loyalty", "dietary", "policy-question", "handoff", "rule-override", "greeting", "thanks", "off-topic",
]
CATEGORIES = ["direct", "paraphrase", "typo", "code-mixed", "multi-intent", "out-of-scope", "follow-up",
              "injection", "terse"]
SPLITS = ["tune", "holdout"]
TRAIN_SPLIT = "train"
MENU = [
    "Espresso", "Flat White", "Oat Flat White", "Cappuccino", "Hot Chocolate", "Oat Hot Chocolate", "Chai Latte",
    "Matcha Latte", "English Breakfast Tea", "Fresh Mint Tea", "Gingerbread Spiced Latte", "Tomato & Lentil Soup",
    "Cheese & Ham Toastie", "Oat Porridge with Berries", "Iced Latte", "Cold Brew", "Sparkling Lemonade",
    "Berry Smoothie", "Caramel Frappé", "Still Water", "Butter Croissant", "Almond Croissant", "Banana Bread",
    "Vegan Blueberry Muffin", "Gluten-Free Brownie", "Cinnamon Bun", "Avocado Sourdough", "Quinoa Salad Bowl",
    "Chicken Pesto Sandwich", "Ceramic Mug", "Reusable Cup", "House Blend Beans 250g",
]
SHOPS = ["Lakeside Café", "Night Owl Coffee", "Bandra Bean House", "Chelsea Roasters"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDER_DATES = ["today", "yesterday", "last-week", "last-month"] + WEEKDAYS
DIETS = ["nuts", "dairy", "gluten", "egg", "soy", "sesame", "vegan", "vegetarian", "halal", "caffeine"]
CHANNELS = ["email", "phone"]
SENTIMENTS = ["complaint", "frustration", "thanks"]
LANGUAGES = ["es", "hinglish", "other"]
SLOT_NAMES = ["order", "item", "shop", "time", "diet", "channel", "sentiment", "language"]
ROW_KEYS_REQUIRED = ["id", "text", "intents", "slots", "category"]
ROW_KEYS_OPTIONAL = ["split", "previous"]
MIN_ROWS = {"a": 400, "b": 150, "c": 240, "t": 800}
MIN_PER_INTENT = {"a": 15, "t": 30}  # reported as a warning

ORDER_ID_RE = re.compile(r"^ORD-[A-Z0-9]{8}$")
ORDER_ID_IN_TEXT_RE = re.compile(r"\bORD-[A-Za-z0-9]{8}\b")
GENERIC_ITEM_RE = re.compile(r"^[a-z0-9][a-z0-9 '&\-]*$")
HHMM_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MENU_LOWER = {m.lower(): m for m in MENU}


def check_item_value(value, where, errors):
    """A menu item exactly as spelled in the menu, or a lower-case generic word that is not a menu name."""
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{where}: must be a non-empty string")
        return
    if value in MENU:
        return
    if value.lower() in MENU_LOWER:
        errors.append(f"{where}: {value!r} is a menu item; spell it {MENU_LOWER[value.lower()]!r}")
        return
    if not GENERIC_ITEM_RE.match(value):
        errors.append(f"{where}: {value!r} is neither a menu item nor a lower-case generic word")


def check_time(value, where, errors):
    if not isinstance(value, str):
        errors.append(f"{where}: must be a string")
        return
    if value in ("now", "tomorrow") or value in WEEKDAYS or HHMM_RE.match(value):
        return
    if value.startswith("tomorrow ") and HHMM_RE.match(value[len("tomorrow "):]):
        return
    errors.append(f"{where}: {value!r} is not now / HH:MM / tomorrow / tomorrow HH:MM / weekday")


def check_order(value, where, errors):
    if not isinstance(value, dict):
        errors.append(f"{where}: must be an object with 'kind'")
        return
    kind = value.get("kind")
    extra = set(value) - {"kind", "value"}
    if extra:
        errors.append(f"{where}: unknown keys {sorted(extra)}")
    if kind == "latest":
        if "value" in value:
            errors.append(f"{where}: kind 'latest' takes no value")
    elif kind == "id":
        if not isinstance(value.get("value"), str) or not ORDER_ID_RE.match(value["value"]):
            errors.append(f"{where}: id {value.get('value')!r} is not ORD- and 8 capital letters or digits")
    elif kind == "item":
        check_item_value(value.get("value"), where + ".value", errors)
    elif kind == "date":
        v = value.get("value")
        if v in ORDER_DATES:
            pass
        elif isinstance(v, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", v):
            try:
                datetime.date.fromisoformat(v)
            except ValueError:
                errors.append(f"{where}: {v!r} is not a real ISO date")
        else:
            errors.append(f"{where}: date {v!r} is not one of {ORDER_DATES} or an ISO date")
    else:
        errors.append(f"{where}: kind {kind!r} is not id / latest / item / date")


def check_intents(value, where, errors):
    if not isinstance(value, list) or not 1 <= len(value) <= 3:
        errors.append(f"{where}: must be a list of 1 to 3 intents")
        return False
    ok = True
    for i in value:
        if i not in INTENTS:
            errors.append(f"{where}: unknown intent {i!r}")
            ok = False
    if len(set(value)) != len(value):
        errors.append(f"{where}: duplicate intents {value}")
        ok = False
    return ok


def check_slots(slots, where, errors, text):
    if not isinstance(slots, dict):
        errors.append(f"{where}: slots must be an object")
        return
    for name in slots:
        if name not in SLOT_NAMES:
            errors.append(f"{where}: unknown slot {name!r}")
    if "order" in slots:
        check_order(slots["order"], where + ".order", errors)
    if "item" in slots:
        check_item_value(slots["item"], where + ".item", errors)
    if "shop" in slots and slots["shop"] not in SHOPS:
        errors.append(f"{where}.shop: {slots['shop']!r} is not one of {SHOPS}")
    if "time" in slots:
        check_time(slots["time"], where + ".time", errors)
    if "diet" in slots:
        d = slots["diet"]
        if not isinstance(d, list) or not d:
            errors.append(f"{where}.diet: must be a non-empty list")
        else:
            for x in d:
                if x not in DIETS:
                    errors.append(f"{where}.diet: unknown diet {x!r}")
            if len(set(d)) != len(d):
                errors.append(f"{where}.diet: duplicates {d}")
    if "channel" in slots and slots["channel"] not in CHANNELS:
        errors.append(f"{where}.channel: {slots['channel']!r} is not one of {CHANNELS}")
    if "sentiment" in slots and slots["sentiment"] not in SENTIMENTS:
        errors.append(f"{where}.sentiment: {slots['sentiment']!r} is not one of {SENTIMENTS}")
    if "language" in slots and slots["language"] not in LANGUAGES:
        errors.append(f"{where}.language: {slots['language']!r} is not one of {LANGUAGES}")
    # An order id written in the text must be the order slot (the first one named).
    ids = ORDER_ID_IN_TEXT_RE.findall(text or "")
    if ids:
        o = slots.get("order")
        if not (isinstance(o, dict) and o.get("kind") == "id" and o.get("value") == ids[0]):
            errors.append(f"{where}: text names {ids[0]} but slots.order is {o!r}")
    elif isinstance(slots.get("order"), dict) and slots["order"].get("kind") == "id":
        errors.append(f"{where}: slots.order has an id that the text does not contain")


def set_letter(path, forced):
    if forced:
        return forced
    name = os.path.basename(path)
    if name.startswith("train"):
        return "t"
    m = re.match(r"^set-([a-z])", name)
    return m.group(1) if m else None


def check_file(path, letter):
    errors, warnings, rows = [], [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        where = f"{os.path.basename(path)}:{n}"
        if not line.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON ({e})")
            continue
        if not isinstance(row, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        rows.append((n, row))
        for k in ROW_KEYS_REQUIRED:
            if k not in row:
                errors.append(f"{where}: missing {k!r}")
        for k in row:
            if k not in ROW_KEYS_REQUIRED + ROW_KEYS_OPTIONAL:
                errors.append(f"{where}: unknown key {k!r}")
        if not isinstance(row.get("text"), str) or not row.get("text", "").strip():
            errors.append(f"{where}: text must be a non-empty string")
        intents_ok = check_intents(row.get("intents"), where + ".intents", errors)
        check_slots(row.get("slots", {}), where + ".slots", errors, row.get("text"))
        cat = row.get("category")
        if cat not in CATEGORIES:
            errors.append(f"{where}: category {cat!r} is not one of {CATEGORIES}")
        # split
        if letter == "a":
            if row.get("split") not in SPLITS:
                errors.append(f"{where}: split must be one of {SPLITS}")
        elif letter == "t":
            if row.get("split") != TRAIN_SPLIT:
                errors.append(f"{where}: split must be {TRAIN_SPLIT!r} in the training set")
        elif "split" in row:
            errors.append(f"{where}: split is only used in set-a and the training set")
        # the training set keeps diets in the README's order (as the reader emits them)
        if letter == "t" and isinstance(row.get("slots"), dict) and isinstance(row["slots"].get("diet"), list):
            d = [x for x in row["slots"]["diet"] if x in DIETS]
            if d != sorted(d, key=DIETS.index):
                errors.append(f"{where}.slots.diet: {d} is not in the order {DIETS}")
        # previous
        prev = row.get("previous")
        if cat == "follow-up" and prev is None:
            errors.append(f"{where}: follow-up without 'previous'")
        if prev is not None:
            if not isinstance(prev, dict) or set(prev) != {"text", "intents"}:
                errors.append(f"{where}: previous must be {{'text': ..., 'intents': [...]}}")
            else:
                if not isinstance(prev["text"], str) or not prev["text"].strip():
                    errors.append(f"{where}: previous.text must be a non-empty string")
                check_intents(prev["intents"], where + ".previous.intents", errors)
        # consistency between category and labels
        if intents_ok:
            intents = row["intents"]
            if cat == "multi-intent" and len(intents) < 2:
                errors.append(f"{where}: multi-intent row with one intent")
            if cat == "injection" and "rule-override" not in intents:
                warnings.append(f"{where}: injection row without rule-override")
            if cat == "out-of-scope" and "off-topic" not in intents:
                warnings.append(f"{where}: out-of-scope row without off-topic")
            if ("greeting" in intents or "thanks" in intents) and len(intents) > 1:
                warnings.append(f"{where}: greeting/thanks mixed with other intents")
        if cat == "code-mixed" and "language" not in row.get("slots", {}):
            warnings.append(f"{where}: code-mixed row without a language slot")
        if cat == "terse" and isinstance(row.get("text"), str) and len(row["text"].split()) > 2:
            warnings.append(f"{where}: terse row has more than two words")

    # ids: unique, pattern, in order
    ids = [r.get("id") for _, r in rows]
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        errors.append(f"duplicate ids: {dup[:10]}")
    if letter:
        for k, (n, r) in enumerate(rows, 1):
            want = f"{letter}{k:04d}"
            if r.get("id") != want:
                errors.append(f"line {n}: id {r.get('id')!r}, expected {want!r} (ids in order from {letter}0001)")
                break
    else:
        for n, r in rows:
            if not isinstance(r.get("id"), str) or not re.match(r"^[a-z]\d{4}$", r["id"]):
                errors.append(f"line {n}: id {r.get('id')!r} is not a letter and four digits")
    texts = collections.Counter((r.get("text") or "").strip().lower() for _, r in rows)
    for t, c in texts.items():
        if c > 1:
            warnings.append(f"text repeated {c} times: {t!r}")
    if letter in MIN_ROWS and len(rows) < MIN_ROWS[letter]:
        errors.append(f"{len(rows)} rows, README asks for at least {MIN_ROWS[letter]}")
    return rows, errors, warnings


def report(rows, letter, warnings):
    good = [r for _, r in rows if isinstance(r.get("intents"), list) and r["intents"]]
    any_i = collections.Counter(i for r in good for i in set(r["intents"]) if i in INTENTS)
    first_i = collections.Counter(r["intents"][0] for r in good)
    cats = collections.Counter(r.get("category") for _, r in rows)
    splits = collections.Counter(r.get("split", "-") for _, r in rows)
    print(f"rows: {len(rows)}")
    print("\nper intent (rows with it anywhere / rows with it first" + (" / holdout rows)" if letter == "a" else ")"))
    for i in INTENTS:
        ho = sum(1 for r in good if i in r["intents"] and r.get("split") == "holdout")
        extra = f" {ho:5d}" if letter == "a" else ""
        print(f"  {i:17s} {any_i[i]:5d} {first_i[i]:5d}{extra}")
    print("\nper category" + (" (rows / holdout rows)" if letter == "a" else ""))
    for c in CATEGORIES:
        ho = sum(1 for _, r in rows if r.get("category") == c and r.get("split") == "holdout")
        extra = f" {ho:5d}" if letter == "a" else ""
        print(f"  {c:17s} {cats[c]:5d}{extra}")
    print("\nper split")
    for s, n in sorted(splits.items()):
        print(f"  {s:17s} {n:5d}")
    n_multi = sum(1 for r in good if len(r["intents"]) > 1)
    n_prev = sum(1 for _, r in rows if "previous" in r)
    print(f"\nrows with 2+ intents: {n_multi}; rows with previous: {n_prev}")
    for i in INTENTS:
        if letter in MIN_PER_INTENT and any_i[i] < MIN_PER_INTENT[letter]:
            warnings.append(f"intent {i} has only {any_i[i]} rows")
    if letter == "a":
        for i in INTENTS:
            in_split = {r.get("split") for r in good if i in r["intents"]}
            for s in SPLITS:
                if any_i[i] and s not in in_split:
                    warnings.append(f"intent {i} never appears in split {s}")
        for c in CATEGORIES:
            in_split = {r.get("split") for _, r in rows if r.get("category") == c}
            for s in SPLITS:
                if cats[c] and s not in in_split:
                    warnings.append(f"category {c} never appears in split {s}")


def stats(rows):
    """--stats: the main intent by category, and how often each slot, sentiment and language is labelled."""
    good = [r for _, r in rows if isinstance(r.get("intents"), list) and r["intents"]]
    short = {"direct": "dir", "paraphrase": "para", "typo": "typo", "code-mixed": "mix", "multi-intent": "multi",
             "out-of-scope": "oos", "follow-up": "follow", "injection": "inj", "terse": "terse"}
    print("\nmain intent by category (rows whose first intent it is)")
    print("  " + " " * 17 + "".join(f"{short[c]:>7s}" for c in CATEGORIES) + f"{'all':>7s}")
    for i in INTENTS:
        mine = [r for r in good if r["intents"][0] == i]
        cells = "".join(f"{sum(1 for r in mine if r.get('category') == c):7d}" for c in CATEGORIES)
        print(f"  {i:17s}{cells}{len(mine):7d}")
    prev = collections.Counter(i for r in good if "previous" in r for i in r["intents"][:1])
    print("\nrows with previous, by main intent")
    print("  " + ", ".join(f"{i} {prev[i]}" for i in INTENTS if prev[i]))
    slot_rows = [r.get("slots") for r in good if isinstance(r.get("slots"), dict)]
    print("\nslots (rows with the slot)")
    for name in SLOT_NAMES:
        print(f"  {name:17s} {sum(1 for s in slot_rows if name in s):5d}")
    kinds = collections.Counter(s["order"].get("kind") for s in slot_rows if isinstance(s.get("order"), dict))
    print("  order kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=str)))
    diets = collections.Counter(d for s in slot_rows if isinstance(s.get("diet"), list) for d in s["diet"])
    print("  diets: " + ", ".join(f"{d} {diets[d]}" for d in DIETS if diets[d]))
    for name, values in (("sentiment", SENTIMENTS), ("language", LANGUAGES), ("channel", CHANNELS)):
        c = collections.Counter(s.get(name) for s in slot_rows if name in s)
        print(f"  {name}: " + ", ".join(f"{v} {c[v]}" for v in values))


def normalised(text):
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").lower()).split())


def repeated_in_scored_sets(path, rows, warnings):
    """Training texts that also appear (case and punctuation aside) in a scored set next to it. Only the
    training ids are printed, never the scored sets' rows."""
    folder = os.path.dirname(os.path.abspath(path))
    scored = set()
    for name in sorted(os.listdir(folder)):
        if re.match(r"^set-[a-z].*\.jsonl$", name):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    try:
                        scored.add(normalised(json.loads(line).get("text")))
                    except (json.JSONDecodeError, AttributeError):
                        pass
    same = [r.get("id") for _, r in rows if normalised(r.get("text")) in scored]
    if same:
        warnings.append(f"{len(same)} training texts also appear in a scored set: {same}")


def main(argv):
    forced = None
    show_stats = False
    paths = []
    args = iter(argv)
    for a in args:
        if a == "--set":
            forced = next(args, None)
        elif a.startswith("--set="):
            forced = a.split("=", 1)[1]
        elif a == "--stats":
            show_stats = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            paths.append(a)
    if not paths:
        here = os.path.dirname(os.path.abspath(__file__))
        paths = [os.path.join(here, n) for n in sorted(os.listdir(here)) if n.endswith(".jsonl")]
        if not paths:
            print(__doc__)
            return 2
    failed = False
    for path in paths:
        letter = set_letter(path, forced)
        print(f"== {path} (set {letter or '?'})")
        rows, errors, warnings = check_file(path, letter)
        if letter == "t":
            repeated_in_scored_sets(path, rows, warnings)
        report(rows, letter, warnings)
        if show_stats:
            stats(rows)
        for w in warnings:
            print(f"WARNING {w}")
        for e in errors:
            print(f"ERROR {e}")
        print(f"\n{'FAIL' if errors else 'OK'}: {len(errors)} errors, {len(warnings)} warnings\n")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
