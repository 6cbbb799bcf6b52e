"""Secrets a server echoes back are masked in every encoding: case, percent-encoding, JSON and HTML
escapes, hex, base64 and base32 at any offset, in every message, error and log of a run.

Whether a secret leaked is judged by decoding the output as an attacker would (every decoder
below, on every run of characters it could apply to), not by looking for the encoded text."""

from __future__ import annotations

import base64
import binascii
import html
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, quote_plus, unquote, unquote_plus

import pytest
from test_syndicate_run import Runner
from test_syndicate_servers import BLUESKY_PASSWORD, MASTODON_TOKEN, Failure, make_jwt

from trialblog.build import build
from trialblog.syndicate import SyndicateError
from trialblog.syndicate.mastodon import MastodonNetwork
from trialblog.syndicate.redaction import Redactor

JWT = make_jwt({"scope": "com.atproto.appPass", "sub": "did:plc:x", "n": 7})
SPACED = "correct horse battery staple"
SECRETS = [MASTODON_TOKEN, BLUESKY_PASSWORD, JWT, SPACED]


def _b64(data: bytes, urlsafe: bool = False, padded: bool = True) -> str:
    text = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(data).decode()
    return text if padded else text.rstrip("=")


def _json_escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in text)


# How a server may write a secret back: each gives the secret in context, as it would arrive.
ENCODINGS: dict[str, Callable[[str], str]] = {
    "verbatim": lambda s: s,
    "upper case": str.upper,
    "lower case": str.lower,
    "swapped case": str.swapcase,
    "percent-encoded": lambda s: quote(s, safe=""),
    "every byte percent-encoded": lambda s: "".join(f"%{b:02X}" for b in s.encode()),
    "percent-encoded twice": lambda s: quote(quote(s, safe=""), safe=""),
    "form-encoded": quote_plus,
    "lower case, percent-encoded": lambda s: quote(s.lower(), safe="").replace("-", "%2d"),
    "JSON \\u escapes": _json_escaped,
    "JSON in JSON": lambda s: json.dumps(json.dumps({"token": _json_escaped(s)})),
    "JSON with \\/": lambda s: json.dumps(s).replace("/", "\\/"),
    "HTML references": lambda s: "".join(f"&#{ord(c)};" for c in s),
    "HTML hex references": lambda s: "".join(f"&#x{ord(c):X};" for c in s),
    "hex": lambda s: s.encode().hex(),
    "HEX": lambda s: s.encode().hex().upper(),
    "hex with colons": lambda s: ":".join(f"{b:02x}" for b in s.encode()),
    "\\x escapes": lambda s: "".join(f"\\x{b:02x}" for b in s.encode()),
    "hex of the upper-cased": lambda s: s.upper().encode().hex(),
    **{
        f"base64{' url' if url else ''}{'' if pad else ' unpadded'} at offset {k}": (
            lambda s, k=k, url=url, pad=pad: _b64(b"u:"[:k] + s.encode() + b"!"[: (k + 1) % 2], url, pad)
        )
        for k in range(3)
        for url in (False, True)
        for pad in (True, False)
    },
    "base64 of the upper-cased": lambda s: _b64(s.upper().encode()),
    "HTTP basic credentials": lambda s: "Basic " + _b64(b"diary:" + s.encode()),
    "base64, percent-encoded": lambda s: quote(_b64(b"x" + s.encode()), safe=""),
    "base64 in MIME lines": lambda s: base64.encodebytes(b"ab" + s.encode() * 3).decode(),
    "base64 in a JSON string": lambda s: json.dumps({"auth": _b64(b"xy" + s.encode())}),
    "base32": lambda s: base64.b32encode(b"abc" + s.encode()).decode(),
}


def recovered(text: str, secret: str) -> list[str]:
    """Every way ``secret`` can still be read out of ``text``."""
    found = []
    want = secret.lower()
    readings = {
        "as written": text,
        "unquoted": unquote(unquote(unquote_plus(text))),
        "JSON-unescaped": re.sub(r"\\+u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text),
        "HTML-unescaped": html.unescape(text),
        "\\x-unescaped": re.sub(r"\\+x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), text),
    }
    for how, reading in readings.items():
        if want in reading.lower().replace("\\/", "/"):
            found.append(how)
    joined = re.sub(r"\\n|\\/|%0A|\n|[\s:\"]", "", unquote(text))
    for run in re.findall(r"[0-9a-fA-F]{8,}", joined):
        for start in (0, 1):
            piece = run[start:]
            piece = piece[: len(piece) // 2 * 2]
            if want in bytes.fromhex(piece).decode("latin-1").lower():
                found.append("hex")
    for run in re.findall(r"[A-Za-z0-9+/_=-]{8,}", joined.replace("\\/", "/")):
        for start in range(8):
            for decode in (base64.b64decode, base64.urlsafe_b64decode, base64.b32decode):
                piece = run[start:].rstrip("=")
                try:
                    data = decode(piece + "=" * (-len(piece) % (8 if decode is base64.b32decode else 4)))
                except (binascii.Error, ValueError):
                    continue
                if secret.encode() in data or secret.upper().encode() in data:
                    found.append(decode.__name__)
    return found


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("secret", SECRETS, ids=["mastodon token", "app password", "session jwt", "spaces"])
def test_every_encoding_of_a_secret_is_masked(secret, encoding):
    redact = Redactor(SECRETS)
    echoed = ENCODINGS[encoding](secret)
    for text in (echoed, f"refused: {echoed}.", f'{{"error": "bad request", "echo": "{echoed}"}}'):
        assert recovered(text, secret), "the test's decoders cannot read this encoding"
        masked = redact(text)
        assert not recovered(masked, secret), (encoding, masked)
        assert "***" in masked


def test_ordinary_text_is_left_alone():
    redact = Redactor(SECRETS)
    for text in (
        "mastodon: posted 'Week six': https://social.example/@diary/1234",
        "MASTODON TOKEN s3cr3t was refused",
        "bluesky, posting: refused: InvalidRequest: Record/text must not be longer than 300 graphemes",
        "%20%2F&#47;\\u0041 0x41 QUJD",
    ):
        assert redact(text) == text


def test_a_secret_added_later_is_masked_too():
    redact = Redactor([MASTODON_TOKEN])
    assert redact(f"jwt {JWT}") == f"jwt {JWT}"
    redact.add(JWT)
    assert not recovered(redact(f"jwt {_b64(b'x' + JWT.encode())} {JWT.upper()}"), JWT)


# --- a whole run --------------------------------------------------------------------------------


def every_encoding(secret: str) -> str:
    return " | ".join(encode(secret) for encode in ENCODINGS.values())


@pytest.fixture
def site(small_site: Path) -> Path:
    build(small_site, publish=True)
    return small_site


def test_servers_echoing_every_encoding_are_masked_in_output_problems_and_logs(site, env, services, caplog):
    caplog.set_level(logging.DEBUG)
    mastodon, bluesky = services
    mastodon.fail(
        "statuses",
        Failure(status=422, body={"error": f"Validation failed: {every_encoding(MASTODON_TOKEN)}"}),
    )
    bluesky.fail(
        "createRecord",
        Failure(status=400, body={"error": "InvalidRequest", "message": every_encoding(BLUESKY_PASSWORD)}),
    )
    run = Runner(site, env)
    report = run()
    assert len(report.problems) == 2
    captured = "\n".join([run.text, caplog.text, *report.problems])
    assert "Validation failed" in captured and "***" in captured
    for secret in (MASTODON_TOKEN, BLUESKY_PASSWORD):
        assert not recovered(captured, secret)


def test_an_unexpected_error_quoting_a_secret_is_masked(site, env, monkeypatch, caplog):
    """A library's error (or a log line) that quotes a secret leaves the run masked, as our error."""
    caplog.set_level(logging.DEBUG)

    def send(self, outgoing):
        logging.getLogger("urllib3.connectionpool").debug("Authorization: Bearer %s", MASTODON_TOKEN.lower())
        logging.getLogger("mastodon").warning(
            "request failed", exc_info=ValueError(every_encoding(MASTODON_TOKEN))
        )
        raise RuntimeError(f"unexpected answer for token {every_encoding(MASTODON_TOKEN)}")

    monkeypatch.setattr(MastodonNetwork, "send", send)
    run = Runner(site, env)
    with pytest.raises(SyndicateError) as stopped:
        run(network="mastodon")
    message = str(stopped.value)
    assert "RuntimeError" in message and stopped.value.__cause__ is None
    captured = "\n".join([message, run.text, caplog.text])
    assert "Authorization: Bearer ***" in caplog.text
    assert not recovered(captured, MASTODON_TOKEN)
