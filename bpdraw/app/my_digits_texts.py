"""The words of the My digits tab that live outside its widget: a drawing described, the
"Learn my handwriting" report (in the language installed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpdraw.app.i18n import format_number, format_percent
from bpdraw.personal import Sample

translate = QCoreApplication.translate


def describe(sample: Sample) -> str:
    date = sample.created[:10]
    if sample.predicted is None:
        return translate("MyDigitsTab", "A {digit} (kept {date})").format(
            digit=sample.label, date=date
        )
    described = translate("MyDigitsTab", "A {digit}, the app first read {answer} (kept {date})")
    return described.format(digit=sample.label, answer=sample.predicted, date=date)


def report_text(report) -> str:
    seconds = format_number(report.seconds, 1)
    lines = [
        translate(
            "MyDigitsTab", "<b>Learned your handwriting</b> in {seconds} s; now in use."
        ).format(seconds=seconds)
    ]
    if report.own_before is not None and report.own_after is not None:
        own = translate(
            "MyDigitsTab",
            "Your drawings (the {held_out} kept aside, not used to teach the measured "
            "model): {before} → <b>{after}</b> right.",
        )
        lines.append(
            own.format(
                held_out=report.held_out,
                before=format_percent(report.own_before),
                after=format_percent(report.own_after),
            )
        )
    else:
        unmeasured = translate("MyDigitsTab", "Your drawings: not measured ({note}).")
        lines.append(unmeasured.format(note=report.note))
    test = translate("MyDigitsTab", "The 450 test digits: {before} → <b>{after}</b>.")
    lines.append(
        test.format(
            before=format_percent(report.test_before, 1), after=format_percent(report.test_after, 1)
        )
    )
    return "<br>".join(lines)
