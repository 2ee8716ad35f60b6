#!/usr/bin/env python3
"""Writes a synthetic provincial TTĐN plan as text, of a chosen number of tasks or size.

    make_plan.py --tasks 100 > plan.txt
    make_plan.py --bytes 45000 > plan.txt

The wording follows how officials write plans (parts, items, lead/support/timeframe lines) and
uses agency names of the demo directory, including some pre-2025 names and one unknown name, so
the import exercises resolution, successors and the unresolved path. Generated, not copied.
"""
import argparse
import random

AGENCIES = [
    "Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Công an tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Văn phòng UBND tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Công Thương",
    "Ban Tuyên giáo Tỉnh ủy", "Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh", "Sở Giáo dục và Đào tạo",
    "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", "Sở Tài chính", "Sở Nội vụ", "Hội Nhà báo tỉnh",
]
GROUPS = ["các sở, ban, ngành tỉnh", "UBND các huyện, thành phố", "các cơ quan báo chí"]
TIMES = ["Thường xuyên", "Quý II, III năm 2026", "phát hành 04 số (01 số/quý)", "Trong năm 2026", "Quý IV/2026",
         "Theo kế hoạch tổ chức tập huấn hằng năm của tỉnh"]
VERBS = ["Tổ chức", "Thực hiện", "Biên soạn, phát hành", "Tăng cường", "Duy trì", "Phối hợp tổ chức", "Xây dựng"]
OBJECTS = ["chương trình quảng bá hình ảnh tỉnh tại các hội chợ quốc tế", "tin, bài về kinh tế cửa khẩu bằng tiếng Anh",
           "hội nghị thông tin cho báo chí nước ngoài", "ấn phẩm giới thiệu tiềm năng du lịch bằng tiếng Trung",
           "chuyên mục đối ngoại trên báo và đài của tỉnh", "lớp tập huấn kỹ năng phát ngôn cho cán bộ",
           "hoạt động giao lưu hữu nghị với các địa phương nước bạn", "cơ sở dữ liệu hình ảnh về tỉnh"]


def header():
    return """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN

Số: 27/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lạng Sơn, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Công tác thông tin đối ngoại năm 2026

Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại;
Căn cứ Quyết định số 1191/QĐ-TTg ngày 05/8/2020 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thông tin đối ngoại năm 2026 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả công tác thông tin đối ngoại của tỉnh.

II. NỘI DUNG THỰC HIỆN
"""


def footer():
    return """
III. KINH PHÍ
Từ nguồn ngân sách nhà nước năm 2026.

IV. TỔ CHỨC THỰC HIỆN
1. Sở Ngoại vụ
Chủ trì theo dõi, tổng hợp, báo cáo kết quả thực hiện.
2. Các sở, ban, ngành tỉnh
Báo cáo kết quả hằng quý trước ngày 15 của tháng cuối quý và báo cáo năm trước ngày 15/11 hằng năm.

Nơi nhận:
- Bộ Văn hóa, Thể thao và Du lịch;
- Các sở, ban, ngành tỉnh;
- Lưu: VT, KGVX.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Đoàn Văn Phúc
"""


def task(rng, number, sub=None):
    label = f"{number}." if sub is None else f"{number}.{sub}."
    lead = rng.choice(AGENCIES)
    support = rng.sample([a for a in AGENCIES if a != lead], 2) + ([rng.choice(GROUPS)] if rng.random() < .3 else [])
    return (f"{label} {rng.choice(VERBS)} {rng.choice(OBJECTS)}\n"
            f"Nội dung: triển khai các hoạt động theo chức năng, nhiệm vụ được giao, bảo đảm tiến độ và chất lượng, "
            f"báo cáo kết quả về cơ quan thường trực.\n"
            f"- Đơn vị chủ trì: {lead}.\n"
            f"- Đơn vị phối hợp: {', '.join(support)}.\n"
            f"- Thời gian thực hiện: {rng.choice(TIMES)}.\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int)
    parser.add_argument("--bytes", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    body, count, number = [], 0, 0
    target_tasks = args.tasks or 10**9
    target_bytes = args.bytes or 10**12
    while count < target_tasks and len((header() + "".join(body) + footer()).encode()) < target_bytes:
        number += 1
        subs = rng.choice([0, 0, 2, 3])
        if subs == 0 or count + subs + 1 > target_tasks:
            body.append(task(rng, number))
            count += 1
        else:
            body.append(f"{number}. Nhóm nhiệm vụ {number}: {rng.choice(OBJECTS)}\n")
            count += 1
            for s in range(1, subs + 1):
                body.append(task(rng, number, s))
                count += 1
    print(header() + "".join(body) + footer(), end="")


if __name__ == "__main__":
    main()
