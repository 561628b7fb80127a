"""The full-screen review (Textual): one record at a time, single keys, the last decisions shown.

Imported only by ``chilinh review``: Textual costs start-up time no other command pays. Every
text on the screen comes from the catalogue (``words.messages``); the data shown is inert
(``Content`` holds text, never markup).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from ..model.errors import ChilinhError
from ..words import messages
from ..words.language import Lang
from ..words.messages import Msg
from .context import around, read_article
from .session import Item, Session, editable


class ReviewApp(App[None]):
    """The review of one draft: ``session`` holds the decisions, the screen draws it."""

    AUTO_FOCUS: ClassVar[str | None] = None  # keys come to the app; the edit line takes them only when open
    CSS: ClassVar[str] = """
    #head { background: $primary; color: $text; padding: 0 1; }
    #context { padding: 1 1; border: round $secondary; }
    #fields { padding: 0 1; }
    #last { padding: 0 1; color: $text-muted; }
    #message { padding: 0 1; color: $warning; }
    #keys { dock: bottom; background: $panel; padding: 0 1; }
    #edit { display: none; }
    """

    def __init__(self, session: Session, lang: Lang = "en", article: Path | None = None) -> None:
        super().__init__()
        self.session = session
        self.lang: Lang = lang
        self.article = read_article(article) if article is not None else None
        self.confirming = False
        self.note: Msg | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="head")
        yield Static(id="context")
        yield Static(id="fields")
        yield Static(id="last")
        yield Static(id="message")
        yield Input(id="edit")
        yield Static(Content(messages.REVIEW_KEYS.get(self.lang)), id="keys")

    def on_mount(self) -> None:
        self.title = messages.REVIEW_TITLE.format(file=str(self.session.path)).get(self.lang)
        self.draw()

    # ---- keys ----------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        edit = self.query_one("#edit", Input)
        if edit.display:
            if event.key == "escape":
                self._close_edit()
                event.stop()
            return
        event.stop()
        event.prevent_default()
        if self.confirming:
            self.confirming = False
            if event.key == "s":
                if self._save():
                    self.exit()
            elif event.key == "q":
                self.exit()
            self.draw()
            return
        self.note = None
        key = event.key
        if key == "a":
            self.session.accept()
        elif key == "x":
            self.note = self.session.reject()
        elif key == "space":
            self.session.skip()
        elif key in ("u", "backspace"):
            if self.session.undo() is None:
                self.note = messages.REVIEW_NOTHING_TO_UNDO
        elif key == "e":
            if self.session.current is None:
                self.note = messages.REVIEW_NOTHING_TO_EDIT
            else:
                self._open_edit()
                return
        elif key == "s":
            self._save()
        elif key == "q":
            if self.session.dirty:
                self.confirming = True
            else:
                self.exit()
                return
        self.draw()

    def _save(self) -> bool:
        try:
            self.session.save()
        except ChilinhError as error:
            self.note = error.said
            return False
        self.note = messages.REVIEW_SAVED.format(file=str(self.session.path))
        return True

    def _open_edit(self) -> None:
        item = self.session.current
        assert item is not None  # "e" opens the edit line only on a record
        edit = self.query_one("#edit", Input)
        edit.value = ""
        edit.placeholder = (
            (messages.REVIEW_EDIT_PROMPT if item.kind == "figure" else messages.REVIEW_EDIT_PROMPT_PLAIN)
            .format(fields=", ".join(editable(item.kind)))
            .get(self.lang)
        )
        edit.display = True
        edit.focus()

    def _close_edit(self) -> None:
        edit = self.query_one("#edit", Input)
        edit.display = False
        self.set_focus(None)
        self.draw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        field, _, text = event.value.strip().partition(" ")
        self.note = self.session.edit(field, text)
        self._close_edit()

    # ---- drawing -------------------------------------------------------------------------------

    def draw(self) -> None:
        said = self.lang
        session = self.session
        item = session.current
        head = self.query_one("#head", Static)
        context = self.query_one("#context", Static)
        fields = self.query_one("#fields", Static)
        unsaved = messages.REVIEW_UNSAVED.get(said) if session.dirty else ""
        if item is None:
            head.update(Content(messages.REVIEW_ALL_DECIDED.get(said) + unsaved))
            context.update(Content(""))
            fields.update(Content(""))
        else:
            progress = messages.REVIEW_PROGRESS.format(
                kind=messages.REVIEW_KIND_NAMES[item.kind],
                i=session.position + 1,
                n=len(session.items),
                done=session.done,
                status=messages.REVIEW_STATUS_NAMES[session.status(item)],
            )
            head.update(Content(progress.get(said) + unsaved))
            record = session.record(item)
            context.update(self._quoted(item, record))
            fields.update(Content("\n".join(self._fields(item, record))))
        last = [messages.REVIEW_LAST.get(said)] if session.decisions else []
        last += [
            messages.REVIEW_DECISION.format(
                status=messages.REVIEW_STATUS_NAMES[d.status], kind=messages.REVIEW_KIND_NAMES[d.item.kind], key=d.key
            ).get(said)
            for d in reversed(session.last_decisions())
        ]
        self.query_one("#last", Static).update(Content("\n".join(last)))
        message = messages.REVIEW_QUIT_UNSAVED if self.confirming else self.note
        self.query_one("#message", Static).update(Content(message.get(said) if message else ""))

    def _quoted(self, item: Item, record: dict[str, Any]) -> Content:
        if item.kind == "metadata":
            quote = str(record["title"])
        else:
            quote = str(record["title"]["vi"] if item.kind == "highlight" else record["source"]["quote"])
        if self.article is None:
            return Content.assemble((quote, "bold"), "\n", messages.REVIEW_NO_ARTICLE.get(self.lang))
        found = around(self.article, quote)
        if found is None:
            return Content(messages.REVIEW_QUOTE_NOT_FOUND.format(quote=quote).get(self.lang))
        text, start, end = found
        return Content.assemble(text[:start], (text[start:end], "reverse bold"), text[end:])

    def _fields(self, item: Item, record: dict[str, Any]) -> list[str]:
        names = messages.REVIEW_FIELD_NAMES
        none = messages.REVIEW_NONE.get(self.lang)

        def line(name: str, value: object) -> str:
            shown = none if value is None or value == "" else str(value)
            return messages.REVIEW_FIELD.format(name=names[name], value=shown).get(self.lang)

        if item.kind == "metadata":
            place = record["locality"]
            return [
                line("title", record["title"]),
                line("title_en", record.get("title_en")),
                line("place_vi", place.get("vi")),
                line("place_en", place.get("en")),
                line("year", record["year"]),
                line("published", record.get("published")),
            ]
        if item.kind == "highlight":
            title = record["title"]
            return [line("id", record["slug"]), line("label_vi", title.get("vi")), line("label_en", title.get("en"))]
        label = record["label"]
        lines = [line("id", record["id"]), line("label_vi", label.get("vi")), line("label_en", label.get("en"))]
        if item.kind == "event":
            date = record["date"]
            day = "-".join(str(date[k]) for k in ("year", "month", "day") if date.get(k) is not None)
            return [*lines, line("date", day + (f" ({date['period']})" if date.get("period") else ""))]
        comparisons = "; ".join(
            f"{c['kind']} {c['value']} ({c['basis']}{' ' + str(c['year']) if c.get('year') else ''})"
            for c in record.get("comparisons") or []
        )
        link = record.get("link")
        lines += [
            line("value", record["value"]),
            line("unit", record["unit"] + (f" / {record['out_of']}" if record.get("out_of") else "")),
            line(
                "noun",
                " / ".join(str(record["noun"].get(k)) for k in ("vi", "en") if record["noun"].get(k))
                if record.get("noun")
                else None,
            ),
            line("qualifier", record["qualifier"]),
            line("comparisons", comparisons),
            line("link", None if link is None else f"{link.get('file')} #{link.get('id')}"),
        ]
        if item.reasons:
            lines.append(line("why", ", ".join(reason.get(self.lang) for reason in item.reasons)))
        return lines


def run_review(draft: Path, article: Path | None, lang: Lang) -> None:
    """Review the draft at ``draft`` on this terminal until the reviewer quits."""
    from .context import article_path

    session = Session.open(draft)
    ReviewApp(session, lang, article_path(draft, session.document, article)).run()
