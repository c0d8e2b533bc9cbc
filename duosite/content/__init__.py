"""Reading and checking the content: settings, pages, labs, data, catalogues, translation
pairs and the URL rule."""
