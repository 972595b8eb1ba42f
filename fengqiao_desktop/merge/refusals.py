"""Why a bundle was refused, in plain words with what to do next, one language at a time.

The verifier and the merge checks name the member or field at fault
(``manifest.json.minisig: …``, ``records/….json：…``, ``zip: …``): that is the
detail kept in the refusal report. A clerk is shown the problem and the next
step, chosen by the error's ``kind`` (set where the error is raised).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fengqiao_desktop.bundle.agecrypt import MAX_STANZAS
from fengqiao_desktop.errors import BundleError, KnownError

# the member or field a message starts with: zip / manifest.json[.minisig] / records/… / photos/…
_PREFIX = re.compile(
    r"^(?:zip|json|manifest\.json(?:\.minisig)?|(?:records|photos)/[^\s:：]+)"
    r"(?::\s*[\w\[\].]+)?\s*[:：]\s*"
)
_MEMBER = re.compile(r"^(?:zip|json|manifest\.json|(?:records|photos)/[^\s:：]+)\s*[:：]\s*")
_KEY_ID = re.compile(r"\b[0-9A-F]{16}\b")

TRUST_PAGE = ("信任的检查员密钥", "Trusted inspector keys")
ROSTER_PAGE = ("中心名册", "Central roster")


@dataclass(frozen=True)
class Refusal:
    reason: str  # plain words and the next step, Chinese
    reason_en: str  # the same in English
    detail: str  # the technical message (member names), for the report
    detail_en: str


def strip_member(text: str) -> str:
    """``records/x.json：站点 … 不在中心名册中`` -> ``站点 … 不在中心名册中``."""
    while (m := _PREFIX.match(text)) is not None and m.end() < len(text):
        text = text[m.end() :]
    return text


def _grouped(key_id: str) -> str:
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))


def _steps(kind: str | None, exc: KnownError) -> tuple[str, str] | None:
    found = _KEY_ID.search(exc.message)
    key = _grouped(found.group(0)) if found else ""
    if kind == "untrusted_key":
        return (
            f"此检查员的密钥不受信任：请在“{TRUST_PAGE[0]}”中添加其公钥（指纹 {key}），然后重新导入",
            f"This inspector's key is not trusted: add it under “{TRUST_PAGE[1]}” (fingerprint {key}), "
            "then import again",
        )
    if kind == "unknown_station":
        return (
            f"请在“{ROSTER_PAGE[0]}”中导入含该站点的名册（或核对站点代码），然后重新导入",
            f"Add the station to the central roster under “{ROSTER_PAGE[1]}” (or check its code), then import again",
        )
    if kind == "unknown_form":
        return (
            "请登记该表单（命令行：fengqiao central forms register 文件），或让检查员改用已登记的表单",
            "Register the form (command line: fengqiao central forms register FILE), or ask the "
            "inspector to use a registered one",
        )
    if kind == "revoked_key":
        return (
            "该密钥吊销后签出的数据包不能接收：请让检查员用新密钥重新导出，并在信任库中添加新密钥",
            "Bundles signed after a revocation are not accepted: ask the inspector to export again "
            "with a new key, and trust that key",
        )
    if kind == "key_validity":
        return (
            f"如有效期登记有误，请在“{TRUST_PAGE[0]}”中修改该密钥的有效期，然后重新导入",
            f"If the validity was entered wrongly, edit the key's dates under “{TRUST_PAGE[1]}”, then import again",
        )
    if kind == "wrong_inspector":
        return (
            f"如姓名或单位登记有误，请在“{TRUST_PAGE[0]}”中修改该密钥的姓名和单位，然后重新导入",
            f"If the name or unit was entered wrongly, edit the key under “{TRUST_PAGE[1]}”, then import again",
        )
    if kind == "missing_evidence":
        return (
            "请让检查员补拍照片、重新完成该检查并导出后再送来",
            "Ask the inspector to add the photos, complete the inspection again and export it",
        )
    if kind == "fork":
        return (
            "数据包已隔离：请与检查员核实这台电脑的数据（是否复制过数据文件夹）",
            "The bundle is quarantined: check with the inspector whether the laptop's data folder was copied",
        )
    return None


# encrypted bundles (format v2): what went wrong opening them, and what to do
_ENCRYPTION = {
    "other_bureau": (
        "这个数据包是为另一个县局加密的（或其文件头已损坏），本局无法打开：请确认检查员的电脑已导入本局的任务包"
        "（其中带有本局的加密公钥），再让检查员重新导出",
        "This bundle was made for another bureau (or its header is damaged) and this bureau cannot open "
        "it: make sure the inspector's laptop has imported a task pack from this bureau (it carries the "
        "bureau's encryption key), then ask for the bundle again",
    ),
    "damaged_ciphertext": (
        "加密的数据包已损坏或不完整（例如复制中断），无法解密：请让检查员重新复制或重新导出后再送来",
        "The encrypted bundle is damaged or incomplete (e.g. an interrupted copy) and cannot be decrypted: "
        "ask the inspector to copy or export it again",
    ),
    "too_many_recipients": (
        f"数据包的加密接收方过多（超过 {MAX_STANZAS} 个），不予处理：请让检查员重新导出",
        f"The bundle names too many recipients (more than {MAX_STANZAS}); it was not opened: ask the inspector "
        "to export it again",
    ),
    "plaintext_refused": (
        "这是未加密的数据包，本局要求数据包加密：请让检查员先导入本局最新的任务包（或在“检查员与密钥”中添加"
        "本局的加密公钥），再重新导出。如确需接收，可在“导入数据包”页暂时取消勾选“拒收未加密的数据包”"
        "（命令行：fengqiao central identity require-encryption off）",
        "This bundle is not encrypted and this bureau requires encryption: ask the inspector to import the "
        "bureau's latest task pack (or add the bureau's encryption key by hand) and export again. To accept "
        "it anyway, untick “Refuse unencrypted bundles” on the Import bundles page for a moment (command "
        "line: fengqiao central identity require-encryption off)",
    ),
    "wrong_passphrase": (
        "县局密钥口令不正确，加密数据包未能打开（未作任何更改）：请输入正确的口令后重新导入",
        "The bureau key's passphrase is wrong, so the encrypted bundle was not opened (nothing was "
        "changed): enter the right passphrase and import again",
    ),
    "needs_passphrase": (
        "这是加密数据包，需要县局密钥口令才能打开（未作任何更改）：请输入口令后重新导入",
        "This bundle is encrypted and needs the bureau key's passphrase (nothing was changed): enter it "
        "and import again",
    ),
}


def explain(exc: KnownError) -> Refusal:
    """The refusal as a clerk should read it, and the technical detail for the report."""
    kind = getattr(exc, "kind", None)
    if kind in _ENCRYPTION:
        zh, en = _ENCRYPTION[kind]
        return Refusal(zh, en, exc.message, exc.message_en)
    if kind == "newer_format":
        return Refusal(
            "数据包由更新版本的程序制作，本程序读不了：请升级局端的程序后重新导入",
            "The bundle was made by a newer version of the app: upgrade the app at the bureau, then import again",
            exc.message,
            exc.message_en,
        )
    if kind == "bad_content":
        # keep the field's name (visit_id, findings[0].responsible …): it is what to correct
        what, what_en = _MEMBER.sub("", exc.message), _MEMBER.sub("", exc.message_en)
        return Refusal(
            f"数据包中有不能接收的内容（{what}）：请让检查员核对该项后重新导出",
            f"The bundle holds a value that cannot be accepted ({what_en}): ask the "
            "inspector to correct it and export again",
            exc.message,
            exc.message_en,
        )
    if kind is None and isinstance(exc, BundleError):
        zh = "数据包已损坏或在签名后被改动，无法导入：请让检查员重新导出后再送来"
        en = "The bundle is damaged or was changed after it was signed: ask the inspector to export it again"
        return Refusal(zh, en, exc.message, exc.message_en)
    steps = _steps(kind, exc)
    if kind == "untrusted_key" and steps is not None:
        return Refusal(steps[0], steps[1], exc.message, exc.message_en)
    what, what_en = strip_member(exc.message), strip_member(exc.message_en)
    if steps is None:
        return Refusal(what, what_en, exc.message, exc.message_en)
    return Refusal(f"{what}。{steps[0]}", f"{what_en}. {steps[1]}", exc.message, exc.message_en)
