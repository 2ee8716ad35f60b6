"""Search at scale: a hundred queries each in Vietnamese (typed without diacritics, as visitors do) and English,
one to three words from the generated articles' vocabulary, against the running app; then a hundred of a word
and a file number, which `ttdn seed-site` gives every article with small numbers far more often (from a few
matches to a few thousand, so that ranking by relevance is measured too). Server time from the Server-Timing
header; median and p95 against the bar of 30 ms."""
import random
import sys
import unicodedata
import urllib.parse
import urllib.request


VI = ("Lạng Sơn Hà Nội Đồng Đăng Hữu Nghị cửa khẩu thông quan hàng hóa xuất khẩu doanh nghiệp đầu tư hợp tác "
      "du lịch văn hóa lễ hội biên giới hội nghị xúc tiến nông sản hoa hồi kinh tế hạ tầng giao thông kiều bào").split()
EN = ("Lang Son Hanoi border gate customs clearance goods export business investment cooperation friendship "
      "tourism culture festival delegation conference trade produce anise economy railway visitors").split()


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def main():
    base, label = sys.argv[1], sys.argv[2]
    rng = random.Random(13)
    ok = True
    for lang, words, numbered in (("vi", VI, False), ("en", EN, False), ("vi", VI, True), ("en", EN, True)):
        times, hits = [], 0
        for _ in range(100):
            query = " ".join(rng.sample(words, 1 if numbered else rng.randint(1, 3)))
            if numbered:
                # The seeder's distribution: 20,000 × u³.
                query += " " + str(int(rng.random() ** 3 * 20000))
            if lang == "vi":
                query = fold(query)
            url = f"{base}/{lang}/search?q={urllib.parse.quote(query)}"
            with urllib.request.urlopen(url) as response:
                body = response.read()
                times.append(float(response.headers["Server-Timing"].split("dur=")[1]))
                hits += b"<mark>" in body
        times.sort()
        p95 = times[int(len(times) * .95) - 1]
        median = times[len(times) // 2]
        passed = p95 < 30
        ok &= passed
        kind = "a word and a file number" if numbered else "common words"
        print(f"{label} search ({lang}, {kind}, {hits} of 100 with results): median {median:.1f} ms, p95 {p95:.1f} ms "
              f"(bar: p95 under 30 ms) {'ok' if passed else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
