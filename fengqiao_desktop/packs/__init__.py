"""Task packs: work the bureau sends to one inspector's laptop, signed by the bureau's key.

A pack (``.fqpack``, docs/pack-format.md) is a zip like a bundle: a manifest
listing every member with its sha256 and size, signed in minisign format with
the bureau's key, and JSON members for the roster, the bureau's forms, the
assignments, the findings to re-check and the returned inspections. The
container, canonical JSON and signature code are the bundle package's.
"""
