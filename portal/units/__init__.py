"""Administrative units (provinces and communes) and the offices in them."""
