"""The rule regimes Motcua ships: Decree 61/2018 + Circular 01/2018, and Decree 118/2025 +
Circular 03/2025 (from 1/7/2025). Loaded after every migration; the next decree is a new row."""

from datetime import date

# The 2025 texts on the dossier code were not found; the 2018 format applies in both regimes.
CODE_FORMAT = "{agency}-{day:%y%m%d}-{number:04d}"

REGIMES = [
    {
        "code": "2018",
        "name": "Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP",
        "effective_from": date(2018, 6, 21),
        "legal_basis": "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); "
        "Thông tư 01/2018/TT-VPCP",
        "code_format": CODE_FORMAT,
        "forms": {
            "receipt": {"number": "01", "title": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
            "supplement_request": {
                "number": "02",
                "title": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            },
            "refusal": {"number": "03", "title": "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
            "apology": {"number": "04", "title": "Phiếu xin lỗi và hẹn lại ngày trả kết quả"},
            "control_sheet": {
                "number": "05",
                "title": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            },
            "register": {"number": "06", "title": "Sổ theo dõi hồ sơ"},
            "guidance_slip": {"number": "", "title": "Phiếu hướng dẫn hoàn thiện hồ sơ"},
        },
    },
    {
        "code": "2025",
        "name": "Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP",
        "effective_from": date(2025, 7, 1),
        "legal_basis": "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP); "
        "Thông tư 03/2025/TT-VPCP",
        "code_format": CODE_FORMAT,
        "forms": {
            "receipt": {"number": "01", "title": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
            "supplement_request": {
                "number": "02",
                "title": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            },
            "refusal": {"number": "03", "title": "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
            "apology": {
                "number": "04",
                "title": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
            },
            "stop_notice": {"number": "05", "title": "Thông báo dừng giải quyết hồ sơ"},
            "control_sheet": {
                "number": "06",
                "title": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            },
            "register": {"number": "07", "title": "Sổ theo dõi hồ sơ"},
            "guidance_slip": {"number": "", "title": "Phiếu hướng dẫn hoàn thiện hồ sơ"},
        },
    },
]


def ensure_regimes(**_kwargs) -> None:
    """Create or update the shipped regimes; safe to run again (a post_migrate handler)."""
    from .models import RuleRegime

    for regime in REGIMES:
        RuleRegime.objects.update_or_create(
            code=regime["code"], defaults={k: v for k, v in regime.items() if k != "code"}
        )
