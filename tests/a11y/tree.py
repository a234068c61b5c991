"""Reads Kizuki's accessible tree over AT-SPI, as a screen reader does, and checks the walk's
controls: each is there, with its role, and every button, text field, check box and combo box
has a name. Prints the tree it read; exits 1 with what is missing."""

import sys
import time

import pyatspi

WANTED = [
    # (role, name or the start of it): the controls a facilitator uses on an item screen.
    ("push button", "次へ →"),
    ("push button", "← 前へ"),
    ("push button", "スマホで投票"),
    ("push button", "投票を隠す"),
    ("toggle button", "スコア 3"),
    ("toggle button", "目標 4"),
    ("toggle button", "2. 利用者との関係"),
    ("entry", "現状"),
    ("entry", "アクションの内容 1"),
    ("image", "レーダーチャート"),
]
NAMED_ROLES = {"push button", "text", "entry", "check box", "combo box", "radio button", "toggle button"}


def find_app(deadline):
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and "kizuki" in app.name.lower():
                return app
        time.sleep(0.5)
    return None


def walk(node, depth, out):
    try:
        role = node.getRoleName()
        name = node.name or ""
    except Exception:  # a node that went away meanwhile
        return
    out.append((depth, role, name))
    for child in node:
        if child is not None:
            walk(child, depth + 1, out)


def main():
    app = find_app(time.time() + 60)
    if app is None:
        print("no Kizuki application on the accessibility bus")
        return 1
    # The sample opens at the overview: walk to item 1, where the walk's controls are.
    nodes = []
    deadline = time.time() + 60
    while time.time() < deadline:
        nodes = []
        walk(app, 0, nodes)
        if any(name.startswith("1. パートナー") for _, _, name in nodes):
            break
        time.sleep(0.5)
    for _, role, name in nodes:
        if role == "push button" and name.startswith("1. パートナー"):
            break
    target = None

    def search(node):
        nonlocal target
        if target is not None:
            return
        try:
            if node.getRoleName() in ("push button", "toggle button", "list item") and (node.name or "").startswith("1. パートナー"):
                target = node
                return
        except Exception:
            return
        for child in node:
            if child is not None:
                search(child)

    search(app)
    if target is None:
        print("no item 1 to open in the tree:")
        for depth, role, name in nodes:
            print("  " * depth + f"{role}: {name}")
        return 1
    action = target.queryAction()
    action.doAction(0)
    def missing_from(nodes):
        return [
            (role, name)
            for role, name in WANTED
            if not any(r == role and n.startswith(name) for _, r, n in nodes)
        ]

    deadline = time.time() + 30
    while time.time() < deadline:
        nodes = []
        walk(app, 0, nodes)
        if not missing_from(nodes):
            break
        time.sleep(0.5)
    for depth, role, name in nodes:
        print("  " * min(depth, 12) + f"{role}: {name}")
    missing = missing_from(nodes)
    unnamed = [(role, depth) for depth, role, name in nodes if role in NAMED_ROLES and not name.strip()]
    if missing or unnamed:
        print("missing:", missing)
        print("controls without a name:", unnamed)
        return 1
    print(f"{len(nodes)} accessible nodes; every control of the walk has a name and a role")
    return 0


sys.exit(main())
