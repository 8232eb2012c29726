"""Payment gateways as plugins: `base` is the interface, `registry` the list of plugins.

The built-in `sandbox` registers itself when the app is ready; a real gateway (VNPay, the
National Public Service Portal's payment platform…) is a module that subclasses `Gateway`,
decorates it with `@register` and is imported from its app's `ready()`; PAYMENT_GATEWAY chooses
the one new payments go through. See docs/payments.md.
"""
