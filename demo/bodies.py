"""Page bodies written in Markdown, read into StreamField blocks (Wagtail's raw JSON form).

A body file (``body.sv.md``) is Markdown with two additions, so that the blocks of a
service page (``pages/blocks.py``) stay visible to whoever edits the file:

* ``## Heading`` (or ``###``) is a heading block;
* ``::: kind optional heading`` … ``:::`` is a block with structure: ``notice`` or
  ``warning`` (a notice of that kind, its text in Markdown), ``steps`` (a numbered list,
  one step per item), ``links`` (lines ``- [text](target)``) and ``paragraph`` (one rich
  text block, to keep two of them apart);
* any other run of text is one rich-text ``paragraph`` block.

Link targets are addresses, ``page:<slug>`` or ``doc:<form number>``; the builder resolves
the last two once the pages and blanketter exist.
"""

import re
import uuid

import markdown

PAGE_REF = "page:"
DOC_REF = "doc:"

FENCE = re.compile(r"^:::\s*(?P<kind>[a-z]+)\s*(?P<heading>.*?)\s*$")
HEADING = re.compile(r"^(?P<level>#{2,3})\s+(?P<text>.+?)\s*$")
STEP = re.compile(r"^\d+\.\s+")
LINK = re.compile(r"^[-*]\s+\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)\s*$")
# Whitespace next to a block-level tag means nothing; Wagtail's rich text has none there.
AROUND_BLOCK_TAG = re.compile(r"\s*(</?(?:p|ul|ol|li)>)\s*")


def parse_body(text):
    """The StreamField value (a list of raw blocks) of one Markdown body."""
    blocks, prose = [], []

    def end_prose():
        if "".join(prose).strip():
            blocks.append({"type": "paragraph", "value": rich_text("\n".join(prose))})
        prose.clear()

    lines = iter(text.splitlines())
    for line in lines:
        fence = FENCE.match(line)
        heading = HEADING.match(line)
        if fence and fence["kind"]:
            end_prose()
            content = []
            for inner in lines:
                if inner.strip() == ":::":
                    break
                content.append(inner)
            else:
                raise ValueError(f"':::{fence['kind']}' is not closed with ':::'")
            blocks.append(fenced_block(fence["kind"], fence["heading"], content))
        elif heading:
            end_prose()
            level = f"h{len(heading['level'])}"
            blocks.append({"type": "heading", "value": {"text": heading["text"], "level": level}})
        else:
            prose.append(line)
    end_prose()
    return blocks


def fenced_block(kind, heading, lines):
    if kind in ("notice", "warning"):
        kind = "info" if kind == "notice" else kind
        return {
            "type": "notice",
            "value": {"kind": kind, "heading": heading, "text": rich_text("\n".join(lines))},
        }
    if kind == "steps":
        return {
            "type": "steps",
            "value": {"heading": heading, "steps": list_items(rich_text(item) for item in _steps(lines))},
        }
    if kind == "links":
        return {
            "type": "links",
            "value": {"heading": heading, "links": list_items(_link(line) for line in lines if line.strip())},
        }
    if kind == "paragraph":
        return {"type": "paragraph", "value": rich_text("\n".join(lines))}
    raise ValueError(f"Unknown block ':::{kind}'")


def list_items(values):
    """A ListBlock's items in Wagtail's block format, each with an id.

    wagtail-localize extracts nothing from a list in the older format (plain values), so
    its steps and link texts would stay Swedish in every translation.
    """
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def rich_text(source):
    """Markdown as Wagtail stores rich text: no line breaks, ``<b>`` and ``<i>``."""
    html = markdown.markdown(source.strip())
    html = AROUND_BLOCK_TAG.sub(r"\1", " ".join(html.split()))
    for tag, wagtail_tag in (("strong", "b"), ("em", "i")):
        html = html.replace(f"<{tag}>", f"<{wagtail_tag}>").replace(f"</{tag}>", f"</{wagtail_tag}>")
    return html


def link(text, target):
    """A LinkBlock value: ``target`` is ``"page:<slug>"`` or an absolute URL."""
    if target.startswith(PAGE_REF):
        return {"page": target, "url": "", "text": text}
    return {"page": None, "url": target, "text": text}


def _link(line):
    match = LINK.match(line.strip())
    if match is None:
        raise ValueError(f"Not a link line ('- [text](target)'): {line!r}")
    return link(match["text"], match["target"])


def _steps(lines):
    """The items of a numbered list; an item runs on to the next number."""
    items = []
    for line in lines:
        if STEP.match(line):
            items.append([STEP.sub("", line)])
        elif items:
            items[-1].append(line.strip())
        elif line.strip():
            raise ValueError(f"A step must start with a number ('1. '): {line!r}")
    return ["\n".join(item) for item in items]
