"""Hamish's core: storage, import, annotations, search and exchange. Never imports Qt."""
