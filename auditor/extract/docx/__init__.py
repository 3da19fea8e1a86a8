"""Reading Word (.docx) files: the zip container checked before unpacking, the body as
printed content laid out on made-up pages, and each cell's Word place; LibreOffice prints it
to PDF for pictures."""
