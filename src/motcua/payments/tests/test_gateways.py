"""The gateway plugin interface: the registry, the selection by settings, the health check and
the sandbox's signature scheme."""

import hashlib
import hmac

from django.core.exceptions import ImproperlyConfigured
import pytest

from motcua.payments.checks import check_selected_gateway
from motcua.payments.errors import ForgedCallback
from motcua.payments.gateways import sandbox
from motcua.payments.gateways.base import Gateway, Health, Verified
from motcua.payments.gateways.registry import Registry, registry


class Bank(Gateway):
    code = "ngan-hang"
    name = "Ngân hàng ví dụ"

    def health(self):
        return Health(True)

    def start(self, payment, return_url, notify_url):
        return "https://bank.example/pay"

    def verify(self, params):
        raise ForgedCallback("Chữ ký không hợp lệ.")


def test_a_plugin_is_registered_once_and_chosen_by_settings(settings):
    plugins = Registry()
    plugins.register(Bank)
    with pytest.raises(ValueError, match="already registered"):
        plugins.register(type("Copy", (Bank,), {}))
    settings.PAYMENT_GATEWAY = "ngan-hang"
    assert isinstance(plugins.selected(), Bank)
    settings.PAYMENT_GATEWAY = "khong-co"
    with pytest.raises(ImproperlyConfigured, match="ngan-hang"):
        plugins.selected()


def test_an_incomplete_plugin_is_refused():
    class Half(Gateway):
        code = "nua"
        name = "Nửa"

        def health(self):
            return Health(True)

    with pytest.raises(TypeError, match="does not implement"):
        Registry().register(Half)


def test_the_sandbox_is_the_default_and_healthy():
    gateway = registry.selected()
    assert gateway.code == "sandbox" and gateway.health().ok
    assert [option.setting for option in gateway.options] == ["PAYMENT_SANDBOX_SECRET"]
    assert check_selected_gateway(None) == []


def test_the_system_check_names_a_wrong_choice_or_a_weak_key(settings):
    settings.PAYMENT_GATEWAY = "vnpay"
    assert [error.id for error in check_selected_gateway(None)] == ["payments.E001"]
    settings.PAYMENT_GATEWAY = "sandbox"
    settings.PAYMENT_SANDBOX_SECRET = "short"
    problems = check_selected_gateway(None)
    assert [p.id for p in problems] == ["payments.W001"]
    assert "16 ký tự" in problems[0].msg


def test_the_signature_covers_the_sorted_url_encoded_parameters():
    params = {"reference": "TT1", "amount": "150000", "order_info": "Phí hồ sơ"}
    message = "amount=150000&order_info=Ph%C3%AD+h%E1%BB%93+s%C6%A1&reference=TT1"
    expected = hmac.new(b"k" * 16, message.encode(), hashlib.sha256).hexdigest()
    assert sandbox.signature(params, "k" * 16) == expected
    assert sandbox.signature_ok({**params, "signature": expected}, "k" * 16)
    assert not sandbox.signature_ok({**params, "signature": expected, "amount": "1"}, "k" * 16)


def test_verify_reads_a_signed_answer_and_refuses_a_malformed_one():
    gateway = sandbox.SandboxGateway(secret="s" * 20)
    answer = sandbox.answer(
        {"reference": "TT1", "amount": "5"}, sandbox.Outcome.CANCELLED, "s" * 20
    )
    verified = gateway.verify(answer)
    assert isinstance(verified, Verified)
    assert (verified.reference, verified.amount, verified.success, verified.cancelled) == (
        "TT1",
        5,
        False,
        True,
    )
    broken = sandbox.signed({**answer, "amount": "năm"}, "s" * 20)
    with pytest.raises(ForgedCallback, match="sai định dạng"):
        gateway.verify(broken)
