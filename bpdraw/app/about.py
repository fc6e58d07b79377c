"""Help → About bpdraw: what it is, the model in use, and the data it was made from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from bpdraw import __version__
from bpdraw.app.i18n import format_number
from bpdraw.app.train_texts import recipe_text

if TYPE_CHECKING:
    from bpdraw.model import Model


translate = QCoreApplication.translate


def about_text(model: Model) -> str:
    """The About box as rich text, in the language now installed."""
    metadata = model.metadata
    accuracy = model.test_accuracy
    unknown = translate("About", "unknown")
    layers = "-".join(map(str, model.network.layer_sizes))
    accuracy_text = unknown if accuracy is None else format_number(accuracy, 3)
    lines = [
        f"<h3>bpdraw {__version__}</h3>",
        translate(
            "About", "<p>Draw a digit and watch a small NumPy backpropagation network read it.</p>"
        ),
        translate("About", "<p><b>Model in use</b><br>"),
        translate("About", "Recipe: {recipe}<br>").format(recipe=recipe_text(str(model.recipe))),
        translate("About", "Layers: {layers}<br>").format(layers=layers),
        translate("About", "Trained on: {data}<br>").format(
            data=recipe_text(str(metadata["training_data"]))
            if metadata.get("training_data")
            else unknown
        ),
        translate("About", "Test accuracy (450 load_digits test digits): {accuracy}<br>").format(
            accuracy=accuracy_text
        ),
        translate("About", "Created: {date}</p>").format(
            date=str(metadata.get("created", unknown))[:10]
        ),
        translate(
            "About",
            "<p><b>Data</b><br>"
            "Pen digits: E. Alpaydin and F. Alimoglu (1998), <i>Pen-Based Recognition of "
            "Handwritten Digits</i>, UCI Machine Learning Repository, licensed "
            "<a href='https://creativecommons.org/licenses/by/4.0/'>CC BY 4.0</a>; converted to "
            "NumPy arrays, each digit shifted to start at x = 0, y = 0.<br>"
            "Test and training digits: scikit-learn's load_digits, a copy of the UCI "
            "<i>Optical Recognition of Handwritten Digits</i> data (E. Alpaydin and C. Kaynak, "
            "1998), CC BY 4.0.</p>",
        ),
    ]
    return "".join(lines)
