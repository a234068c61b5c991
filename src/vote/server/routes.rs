//! The routes under `/v/<token>`: the page, the vote, the live counts, the page's style and
//! script. One check of the token for every request, in [`guard`], before any route is chosen:
//! a wrong token is 404 whatever the method.

use super::http::{self, LANG_COOKIE, PHONE_COOKIE};
use super::{Client, Event, Shared};
use crate::checklist::ItemId;
use crate::i18n::Lang;
use crate::project::Answer;
use crate::vote::page::{self, Outcome, View};
use crate::vote::poll::Rejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Extension, Form, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v/{token}", get(page_get).post(page_post))
        .route("/v/{token}/new", get(new_phone))
        .route("/v/{token}/state", get(state_get))
        .route("/v/{token}/app.css", get(css_get))
        .route("/v/{token}/app.js", get(js_get))
        .fallback(|| async { http::plain(StatusCode::NOT_FOUND, "not found") })
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
        .layer(axum::extract::DefaultBodyLimit::max(shared.limits.max_body))
        .with_state(shared)
}

/// Before any route: the rate, the token, an over-long body refused at once; then the answer,
/// within the request's time, with the headers every answer carries.
async fn guard(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    let client = request.extensions().get::<Client>().cloned();
    let mut response = 'answer: {
        let Some(client) = client else {
            break 'answer http::plain(StatusCode::NOT_FOUND, "not found");
        };
        if !shared.allow(client.address, Instant::now()) {
            break 'answer http::plain(StatusCode::TOO_MANY_REQUESTS, "too many requests");
        }
        if !shared.is_page_path(request.uri().path()) {
            break 'answer http::plain(StatusCode::NOT_FOUND, "not found");
        }
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > shared.limits.max_body as u64) {
            // Said before the body is read: nobody waits for a body that is refused anyway.
            let lang = http::language(None, request.headers());
            let mut response = too_large(lang);
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            break 'answer response;
        }
        client.busy.store(true, Ordering::Relaxed);
        let answer = tokio::time::timeout(shared.limits.request_timeout, next.run(request)).await;
        client.busy.store(false, Ordering::Relaxed);
        answer.unwrap_or_else(|_| http::plain(StatusCode::REQUEST_TIMEOUT, "request timeout"))
    };
    http::secure(&mut response);
    response
}

fn too_large(lang: Lang) -> Response {
    http::html(
        StatusCode::PAYLOAD_TOO_LARGE,
        page::error_page(&crate::tr!(lang, "phone.too_large"), lang),
    )
}

#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    lang: Option<String>,
    /// The item just voted on (the redirect after a vote).
    done: Option<String>,
    /// How many ballots moved to the new name (the redirect after a change of name).
    renamed: Option<usize>,
    /// The item whose reason was just sent (the redirect after a reason).
    said: Option<String>,
}

/// The phone's id: its cookie, if this round issued it to this address; else a new one.
fn phone_id(shared: &Shared, headers: &HeaderMap, client: &Client) -> Option<(String, bool)> {
    match http::cookie(headers, PHONE_COOKIE) {
        Some(id) if shared.secrets.is_phone(&id, client.address) => Some((id, false)),
        _ => shared
            .secrets
            .issue_phone(client.address)
            .ok()
            .map(|id| (id, true)),
    }
}

async fn page_get(
    State(shared): State<Arc<Shared>>,
    Extension(client): Extension<Client>,
    Query(query): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = http::language(query.lang.as_deref(), &headers);
    let Some((phone, new)) = phone_id(&shared, &headers, &client) else {
        return server_error(lang);
    };
    heard_from(&shared, &phone);
    let outcome = {
        let poll = shared.poll();
        let done = query.done.as_deref().and_then(ItemId::parse);
        let said = query.said.as_deref().and_then(ItemId::parse);
        match (done, query.renamed) {
            _ if said.is_some_and(|item| poll.ballot(&phone, item).is_some()) => {
                said.map(Outcome::ReasonSent)
            }
            (Some(item), Some(moved)) => {
                poll.name_of(&phone)
                    .map(|name| Outcome::Renamed { item, name, moved })
            }
            (Some(item), None) => poll
                .ballot(&phone, item)
                .map(|answer| Outcome::Recorded(item, answer)),
            _ => None,
        }
    };
    let mut response = render(&shared, lang, &phone, outcome, StatusCode::OK);
    if new {
        http::set_cookie(&mut response, &shared.base, PHONE_COOKIE, &phone);
    }
    if query.lang.is_some() {
        http::set_cookie(&mut response, &shared.base, LANG_COOKIE, lang.code());
    }
    response
}

/// A shared phone: the next person gets a ballot of their own (only where the facilitator
/// allowed sharing; elsewhere the page as it was).
async fn new_phone(
    State(shared): State<Arc<Shared>>,
    Extension(client): Extension<Client>,
    headers: HeaderMap,
) -> Response {
    let mut response = http::see_other(&shared.base);
    if shared.poll().config.phones_per_address > 1 {
        let Ok(phone) = shared.secrets.issue_phone(client.address) else {
            return server_error(http::language(None, &headers));
        };
        http::set_cookie(&mut response, &shared.base, PHONE_COOKIE, &phone);
    }
    response
}

fn render(
    shared: &Shared,
    lang: Lang,
    phone: &str,
    outcome: Option<Outcome>,
    status: StatusCode,
) -> Response {
    let mut poll = shared.poll();
    let released = poll.take_released(phone);
    let body = page::page(&View {
        poll: &poll,
        lang,
        base: &shared.base,
        phone,
        ballot: &|item| shared.secrets.ballot(phone, item),
        outcome,
        released,
    });
    drop(poll);
    http::html(status, body)
}

fn server_error(lang: Lang) -> Response {
    http::html(
        StatusCode::INTERNAL_SERVER_ERROR,
        page::error_page(&crate::tr!(lang, "vote.cannot_start"), lang),
    )
}

/// A vote as the form sends it, or a reason for it as the second form does (one or the other).
/// A field sent twice, or one the forms do not have, is refused as a whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteForm {
    item: String,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    member: Option<String>,
    /// The ballot token of this phone's form for this item.
    #[serde(default)]
    ballot: String,
}

async fn page_post(
    State(shared): State<Arc<Shared>>,
    Extension(client): Extension<Client>,
    headers: HeaderMap,
    form: Result<Form<VoteForm>, FormRejection>,
) -> Response {
    let lang = http::language(None, &headers);
    let form = match form {
        Ok(Form(form)) => form,
        Err(FormRejection::InvalidFormContentType(_)) => {
            return http::plain(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send application/x-www-form-urlencoded",
            );
        }
        Err(FormRejection::BytesRejection(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return too_large(lang);
        }
        Err(_) => return refused(&shared, lang, "", Rejection::BadLevel),
    };
    // One source of the phone's identity: the cookie this round gave it, at this address.
    let phone = http::cookie(&headers, PHONE_COOKIE)
        .filter(|p| shared.secrets.is_phone(p, client.address))
        .unwrap_or_default();
    if phone.is_empty() {
        return refused(&shared, lang, "", Rejection::NotIssued);
    }
    let Some(item) = ItemId::parse(form.item.trim()) else {
        return refused(&shared, lang, &phone, Rejection::UnknownItem);
    };
    if !shared.secrets.is_ballot(form.ballot.trim(), &phone, item) {
        return refused(&shared, lang, &phone, Rejection::NotIssued);
    }
    let (accepted, standing, pending) = {
        let mut poll = shared.poll();
        let result = match (&form.level, &form.reason) {
            // The form's field keeps its name `level`: 1–5, or `dont_know`.
            (Some(level), None) => {
                Answer::parse(level)
                    .ok_or(Rejection::BadLevel)
                    .and_then(|answer| {
                        poll.vote(&phone, client.address, form.member.as_deref(), item, answer)
                    })
            }
            (None, Some(reason)) => poll.give_reason(&phone, item, reason),
            _ => Err(Rejection::BadLevel),
        };
        match result {
            Err(why) => {
                drop(poll);
                return refused(&shared, lang, &phone, why);
            }
            Ok(accepted) => {
                // Sent while the poll is held, so that the journal's lines keep its order.
                let pending = shared
                    .journal
                    .as_ref()
                    .map(|j| j.submit(accepted.entries.clone()));
                (accepted, super::standing(&poll), pending)
            }
        }
    };
    (shared.listener)(Event::Changed(standing));
    heard_from(&shared, &phone);
    if let Some(revealed) = accepted.revealed.clone() {
        (shared.listener)(Event::Revealed(revealed));
    }
    if let Some(pending) = pending
        && let Err(error) = pending.wait().await
    {
        (shared.listener)(Event::NotJournaled {
            path: error.path().to_owned(),
            kind: error.kind(),
        });
        return render(
            &shared,
            lang,
            &phone,
            Some(Outcome::NotSaved(item)),
            StatusCode::OK,
        );
    }
    let said = if form.reason.is_some() {
        "said"
    } else {
        "done"
    };
    let mut location = format!("{}?{said}={}", shared.base, item.as_str());
    if let Some((.., moved)) = accepted.renamed {
        let _ = write!(location, "&renamed={moved}");
    }
    // After a reason, the page opens at its field, where it says it was kept.
    location.push_str(if form.reason.is_some() {
        "#reason-"
    } else {
        "#"
    });
    location.push_str(item.as_str());
    http::see_other(&location)
}

fn refused(shared: &Shared, lang: Lang, phone: &str, why: Rejection) -> Response {
    let status = match why {
        Rejection::NotIssued => StatusCode::FORBIDDEN,
        Rejection::NameTaken
        | Rejection::Closed
        | Rejection::Full(_)
        | Rejection::AddressUsed
        | Rejection::NameLocked => StatusCode::CONFLICT,
        _ => StatusCode::BAD_REQUEST,
    };
    render(shared, lang, phone, Some(Outcome::Refused(why)), status)
}

/// What the page's script reads every two seconds.
#[derive(Serialize)]
struct PhoneState {
    version: String,
    items: Vec<Count>,
}

#[derive(Serialize)]
struct Count {
    item: &'static str,
    voted: usize,
    expected: usize,
    revealed: bool,
    text: String,
}

/// A phone reached the laptop: the facilitator's list of who has not voted marks it present.
fn heard_from(shared: &Shared, phone: &str) {
    let mut poll = shared.poll();
    if poll.heard_from(phone, Instant::now()) {
        let standing = super::standing(&poll);
        drop(poll);
        (shared.listener)(Event::Changed(standing));
    }
}

async fn state_get(
    State(shared): State<Arc<Shared>>,
    Extension(client): Extension<Client>,
    headers: HeaderMap,
) -> Response {
    let lang = http::language(None, &headers);
    // The page's tick: the phone's one sign of life while its member reads and thinks.
    if let Some(phone) =
        http::cookie(&headers, PHONE_COOKIE).filter(|p| shared.secrets.is_phone(p, client.address))
    {
        heard_from(&shared, &phone);
    }
    let poll = shared.poll();
    let state = PhoneState {
        version: poll.version(),
        items: poll
            .statuses()
            .into_iter()
            .map(|s| Count {
                item: s.item.as_str(),
                text: crate::tr!(lang, "phone.count", voted = s.voted, expected = s.expected),
                voted: s.voted,
                expected: s.expected,
                revealed: s.revealed,
            })
            .collect(),
    };
    drop(poll);
    Json(state).into_response()
}

async fn css_get() -> Response {
    asset(page::CSS, "text/css; charset=utf-8")
}

async fn js_get() -> Response {
    asset(page::JS, "text/javascript; charset=utf-8")
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    response
}
