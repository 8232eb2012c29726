from motcua.catalog.constants import FeeChannel
from motcua.demo.catalog_seed import _fee_channels


def test_an_online_rate_row_makes_its_fee_a_counter_rate_and_leaves_the_others_alone():
    assert _fee_channels(
        [
            "Lệ phí đăng ký doanh nghiệp",
            "Lệ phí đăng ký doanh nghiệp — nộp qua mạng điện tử",
            "Phí công bố nội dung đăng ký doanh nghiệp",
        ]
    ) == [FeeChannel.COUNTER, FeeChannel.ONLINE, FeeChannel.ALL]
    assert _fee_channels(["Lệ phí đăng ký", "Phí công bố", "Lệ phí — nộp qua mạng điện tử"]) == [
        FeeChannel.COUNTER,
        FeeChannel.ALL,
        FeeChannel.ONLINE,
    ]
    assert _fee_channels(["Lệ phí", "Lệ phí — trực tuyến"]) == [
        FeeChannel.COUNTER,
        FeeChannel.ONLINE,
    ]


def test_fees_without_an_online_rate_apply_to_every_submission():
    assert _fee_channels(["Phí, lệ phí", "Lệ phí — ghi chú khác"]) == [
        FeeChannel.ALL,
        FeeChannel.ALL,
    ]
