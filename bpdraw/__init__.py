"""bpdraw: draw a digit and let a small NumPy backpropagation network read it."""

__version__ = "0.1.0"
