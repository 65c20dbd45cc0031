"""Build a training microsite from the Practice Principles source documents."""
