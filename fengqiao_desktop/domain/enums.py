"""Enumerations of the domain, with their Chinese and English labels."""

from __future__ import annotations

from enum import Enum


class _Labelled(str, Enum):
    """A string enum whose members carry a Chinese and an English label.

    Members are declared ``NAME = (value, zh, en)``; ``Level("city")`` looks one up by value.
    """

    zh: str
    en: str

    def __new__(cls, value: str, *labels: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.zh, obj.en = labels
        return obj

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def parse(cls, text: str):
        """Accept the machine value or either label (case-insensitive for English)."""
        t = str(text).strip()
        for m in cls:
            if t == m.value or t == m.zh or t.lower() == m.en.lower():
                return m
        raise ValueError(text)


class Level(_Labelled):
    CITY = ("city", "市", "City")
    COUNTY = ("county", "区（县）", "County/District")
    TOWN = ("town", "街道（乡镇）", "Town/Street")
    VILLAGE = ("village", "社区（村）", "Village/Community")

    @property
    def rank(self) -> int:
        return ["city", "county", "town", "village"].index(self.value)


class FormKind(_Labelled):
    GATE = ("gate", "门槛检查", "Gate check")
    RUBRIC = ("rubric", "评分表", "Scored rubric")


class ItemType(_Labelled):
    YES_NO = ("yes_no", "是/否", "Yes/No")
    GRADED = ("graded", "分级评分", "Graded")
    DEDUCTION = ("deduction", "扣分制", "Deduction")
    CHOICE = ("choice", "单选", "Choice")
    NUMBER = ("number", "数值", "Number")
    TEXT = ("text", "文字", "Text")


class Verdict(_Labelled):
    PASS = ("pass", "达标", "Pass")
    FAIL = ("fail", "未达标", "Fail")
    VETO = ("veto", "一票否决", "Veto")
    # a rubric whose visit's five-haves check is not answered yet: never "pass" before it is
    PENDING = ("pending", "待定", "Pending")

    def label_for(self, kind: FormKind | str, lang: str = "zh") -> str:
        """The verdict in words for a form kind: 五有达标 / 示范型达标 / 一票否决 ..."""
        kind = FormKind(kind)
        if lang == "en":
            prefix = "Five-haves" if kind is FormKind.GATE else "Demonstration grade"
            return {
                "pass": f"{prefix}: met",
                "fail": f"{prefix}: not met",
                "veto": "Veto",
                "pending": "Pending (five haves not checked yet)",
            }[self.value]
        prefix = "五有" if kind is FormKind.GATE else "示范型"
        return {
            "pass": f"{prefix}达标",
            "fail": f"{prefix}未达标",
            "veto": "一票否决",
            "pending": "待定（五有尚未查完）",
        }[self.value]


class InspectionStatus(_Labelled):
    DRAFT = ("draft", "草稿", "Draft")
    COMPLETED = ("completed", "已完成", "Completed")
    EXPORTED = ("exported", "已导出", "Exported")


class FindingCategory(_Labelled):
    HARDWARE = ("hardware", "硬件设施", "Hardware and premises")
    FUNDING = ("funding", "经费保障", "Funding")
    STAFFING = ("staffing", "队伍建设", "Staffing")
    DEMONSTRATION = ("demonstration", "示范性创建", "Demonstration creation")
    SERVICE = ("service", "服务落实", "Service delivery")


class Severity(_Labelled):
    VETO = ("veto", "否决项", "Veto")
    DEDUCTION = ("deduction", "扣分项", "Deduction")
    ADVICE = ("advice", "建议项", "Advice")


class FindingStatus(_Labelled):
    OPEN = ("open", "待整改", "Open")
    RECTIFIED = ("rectified", "已整改", "Rectified")
    VERIFIED = ("verified", "已销号", "Verified")
