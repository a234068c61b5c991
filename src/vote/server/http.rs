//! The small pieces of HTTP the phone's pages need: its language, its cookies, an HTML answer
//! with the headers every answer carries.

use crate::i18n::Lang;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The cookie holding the phone's id.
pub const PHONE_COOKIE: &str = "kizuki_phone";
/// The cookie holding the language the phone chose.
pub const LANG_COOKIE: &str = "kizuki_lang";

/// The phone's language: `?lang=`, else its cookie, else the browser's first choice.
pub fn language(asked: Option<&str>, headers: &HeaderMap) -> Lang {
    let from = |text: &str| {
        if text.trim().to_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    };
    if let Some(lang) = asked {
        return from(lang);
    }
    if let Some(lang) = cookie(headers, LANG_COOKIE) {
        return from(&lang);
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::Ja, from)
}

/// A cookie's value, if it is one of ours (ids and language codes: short, plain characters).
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| v.len() <= 80 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// A cookie for the page's path, kept for the day of the workshop.
pub fn set_cookie(response: &mut Response, base: &str, name: &str, value: &str) {
    let text = format!("{name}={value}; Path={base}; Max-Age=43200; HttpOnly; SameSite=Strict");
    if let Ok(value) = HeaderValue::from_str(&text) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// An HTML page.
pub fn html(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// A redirect after a form was sent, so that a reload never sends it again.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// A plain answer with no page: not found, too many requests.
pub fn plain(status: StatusCode, text: &'static str) -> Response {
    (status, text).into_response()
}

/// The headers every answer carries: nothing loads from elsewhere, nothing is cached, nothing
/// frames the page.
pub fn secure(response: &mut Response) {
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; \
             connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; \
             frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_ours_or_ignored() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; kizuki_phone=abc-def; kizuki_lang=<script>"),
        );
        assert_eq!(cookie(&headers, PHONE_COOKIE).as_deref(), Some("abc-def"));
        assert_eq!(cookie(&headers, LANG_COOKIE), None);
        assert_eq!(language(Some("en-US"), &headers), Lang::En);
        assert_eq!(language(None, &HeaderMap::new()), Lang::Ja);
    }
}
