"""(to be written)"""


def find(doc, ctx):
    return iter(())
