"""For report authors: blank templates in the national layout, documents rendered from the canonical
form, safe automatic fixes, and findings written into their own Word document."""
