"""What the commune writes back, for the benchmark corpus: answers to
petitions and the minutes and conclusion of dialogue sessions.

Search covers answers and minutes as well as petitions, so they need text
of realistic length and vocabulary: an answer names the petition it answers
(as official letters do: "Về nội dung ..."), says what was checked and
what was decided, and closes with the usual formula; minutes list the
questions raised with the chair's reply and the commitments made. Slots
are those of ``bench.corpus_slots``.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from bench.corpus_slots import SLOTS, Unit

ANSWER_OPENINGS = (
    "UBND {xa} nhận được phản ánh, kiến nghị của ông (bà) về nội dung: {title}.",
    "Về nội dung {title}, UBND {xa} trả lời như sau.",
    "Thực hiện quy chế tiếp nhận, xử lý phản ánh, kiến nghị, UBND {xa} trả lời nội dung: {title}.",
    "Sau khi nhận được kiến nghị về việc {title}, UBND {xa} đã giao {chucdanh} kiểm tra.",
)
ANSWER_FINDINGS = (
    "Qua kiểm tra thực tế {ngay}, nội dung phản ánh là đúng một phần.",
    "Đoàn kiểm tra gồm {chucdanh} và đại diện {thon} đã làm việc tại hiện trường {ngay}.",
    "Kết quả xác minh cho thấy sự việc kéo dài {thoigian} do chưa bố trí được kinh phí.",
    "Nội dung phản ánh đã được đối chiếu với hồ sơ lưu trữ tại bộ phận một cửa của xã.",
    "Qua làm việc với các hộ dân liên quan ở {thon}, các bên đã thống nhất hướng xử lý.",
    "Hồ sơ cho thấy khu vực này thuộc dự án {duan}, đang trong giai đoạn bồi thường, hỗ trợ.",
    "Việc chậm xử lý có trách nhiệm của bộ phận chuyên môn; UBND xã đã nhắc nhở, rút kinh nghiệm.",
    "Kinh phí {tien} đã được bố trí trong kế hoạch năm {nam} để khắc phục.",
)
ANSWER_DECISIONS = (
    "UBND {xa} đã chỉ đạo khắc phục xong trước {ngay}.",
    "UBND xã giao {chucdanh} theo dõi, đôn đốc và báo cáo kết quả trong tháng tới.",
    "Nội dung này thuộc thẩm quyền của {tinh}; UBND xã đã chuyển hồ sơ và sẽ thông báo kết quả.",
    "Đề nghị ông (bà) liên hệ bộ phận một cửa của xã để được hướng dẫn hoàn thiện hồ sơ.",
    "UBND xã ghi nhận kiến nghị và đưa vào kế hoạch đầu tư công trung hạn.",
    "Cơ sở {coso} đã bị lập biên bản và yêu cầu cam kết không tái phạm.",
    "Kiến nghị không có cơ sở để giải quyết vì không đúng với hồ sơ đã lưu; đề nghị ông (bà) xem xét.",
)
ANSWER_CLOSINGS = (
    "UBND {xa} trả lời để ông (bà) được biết.",
    "Nếu chưa đồng ý với nội dung trả lời, ông (bà) có thể phản hồi trên cổng trong 15 ngày.",
    "Trân trọng cảm ơn sự quan tâm, đóng góp của ông (bà).",
)
MINUTES_OPENINGS = (
    "Hôm nay, {ngay}, tại hội trường UBND {xa}, hội nghị đối thoại với "
    "Nhân dân được tổ chức.",
    "Chủ trì: Chủ tịch UBND {xa}. Tham dự: đại diện Ủy ban MTTQ xã, {chucdanh} và "
    "{songuoi} người dân.",
)
MINUTES_REPLIES = (
    "Chủ trì trả lời: nội dung đã được giao {chucdanh} giải quyết, hạn trả lời trước {ngay}.",
    "Chủ trì ghi nhận, giao bộ phận chuyên môn kiểm tra và báo cáo tại kỳ họp tới.",
    "Trả lời tại hội nghị: kinh phí {tien} đã được bố trí, dự kiến thi công trong năm {nam}.",
    "Nội dung thuộc thẩm quyền cấp tỉnh; xã sẽ tổng hợp, kiến nghị {tinh} xem xét.",
)
CONCLUSIONS = (
    "Kết luận: UBND {xa} giao các bộ phận giải quyết dứt điểm các kiến nghị đã tiếp nhận, "
    "công khai kết quả trên cổng và tại nhà văn hóa {thon}.",
    "Kết luận: các kiến nghị được ghi nhận đầy đủ; những nội dung vượt thẩm quyền được "
    "chuyển {tinh} xem xét trong tháng.",
)


def _pick(rng: random.Random, choices: tuple[str, ...]) -> str:
    return choices[int(rng.random() * len(choices))]


@lru_cache(maxsize=256)
def _slots(text: str) -> tuple[str, ...]:
    return tuple(name for name in re.findall(r"\{(\w+)\}", text) if name in SLOTS)


def _fill(texts: list[str], rng: random.Random, unit: Unit, **given: str) -> str:
    """One value per slot across the texts, so a date named twice is one date."""
    values = dict(given)
    for text in texts:
        for name in _slots(text):
            if name not in values:
                values[name] = SLOTS[name](rng, unit)
    return " ".join(text.format_map(values) for text in texts)


def answer(rng: random.Random, unit: Unit, title: str) -> str:
    """An official answer to the petition titled ``title``: about 60–110 words."""
    findings = [_pick(rng, ANSWER_FINDINGS) for _ in range(1 + int(rng.random() * 2))]
    texts = [_pick(rng, ANSWER_OPENINGS), *dict.fromkeys(findings),
             _pick(rng, ANSWER_DECISIONS), _pick(rng, ANSWER_CLOSINGS)]
    return _fill(texts, rng, unit, title=title.rstrip(".").lower())


def minutes(rng: random.Random, unit: Unit, questions: list[str]) -> str:
    """Minutes in Markdown: who came, each question with its reply."""
    lines = ["## Biên bản hội nghị", "", _fill(list(MINUTES_OPENINGS), rng, unit), "",
             "## Ý kiến của người dân", ""]
    for number, question in enumerate(questions, 1):
        lines.append(f"{number}. {question} — {_fill([_pick(rng, MINUTES_REPLIES)], rng, unit)}")
    return "\n".join(lines)


def conclusion(rng: random.Random, unit: Unit) -> str:
    return _fill([_pick(rng, CONCLUSIONS)], rng, unit)
