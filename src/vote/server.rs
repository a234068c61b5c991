//! The voting server: axum on a tokio runtime of its own thread, only while voting is open.
//!
//! Only the voting routes exist, under an unguessable token; everything else is 404. Bodies are
//! limited to 4 KiB, every field is validated by [`Poll::vote`], each client has a request rate
//! and a connection limit, slow clients are cut off (header read timeout, a cap on a connection's
//! life), and the pages forbid every external load. The server touches no file.

use super::page::{self, Outcome, View};
use super::poll::{ItemStatus, Poll, PollConfig, Rejection, Revealed};
use crate::checklist::ItemId;
use crate::i18n::Lang;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The largest request body accepted: a vote is a few dozen bytes.
pub const MAX_BODY: usize = 4 * 1024;
/// How long a client may take to send a request's headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one connection may live, however slowly it trickles.
const CONNECTION_LIFETIME: Duration = Duration::from_secs(30);
/// Connections at once, in all and per client address.
const MAX_CONNECTIONS: usize = 512;
const MAX_CONNECTIONS_PER_CLIENT: usize = 16;
/// Requests per client: a burst, then a steady rate (a phone polls every two seconds).
const BURST: f64 = 30.0;
const PER_SECOND: f64 = 10.0;

/// What the server tells its owner (the window, or the headless command).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A vote was recorded or changed: the counts now.
    Changed(Vec<ItemStatus>),
    /// Everyone had voted and the item revealed itself.
    Revealed(Revealed),
}

type Listener = Box<dyn Fn(Event) + Send + Sync>;

struct Shared {
    poll: Mutex<Poll>,
    token: String,
    base: String,
    listener: Listener,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
    connections: Mutex<HashMap<IpAddr, usize>>,
    total_connections: AtomicU64,
}

impl Shared {
    fn poll(&self) -> MutexGuard<'_, Poll> {
        // A panic while holding the lock leaves the poll as consistent as each single update
        // made it; voting goes on rather than every later request failing.
        self.poll
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Token bucket per client address.
    fn allow(&self, ip: IpAddr) -> bool {
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        if buckets.len() > 10_000 {
            // Forget idle clients rather than grow without bound.
            buckets.retain(|_, (_, seen)| now.duration_since(*seen) < Duration::from_mins(1));
        }
        let (tokens, seen) = buckets.entry(ip).or_insert((BURST, now));
        *tokens = (*tokens + now.duration_since(*seen).as_secs_f64() * PER_SECOND).min(BURST);
        *seen = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }

    fn enter(&self, ip: IpAddr) -> bool {
        if self.total_connections.load(Ordering::Relaxed) >= MAX_CONNECTIONS as u64 {
            return false;
        }
        let mut connections = self
            .connections
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = connections.entry(ip).or_insert(0);
        if *count >= MAX_CONNECTIONS_PER_CLIENT {
            return false;
        }
        *count += 1;
        self.total_connections.fetch_add(1, Ordering::Relaxed);
        true
    }

    fn leave(&self, ip: IpAddr) {
        let mut connections = self
            .connections
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(count) = connections.get_mut(&ip) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                connections.remove(&ip);
            }
        }
        self.total_connections.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Why voting could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen: {0}")]
    Listen(std::io::Error),
    #[error("cannot start the server's thread: {0}")]
    Thread(std::io::Error),
    #[error("no random numbers from the system: {0}")]
    Random(String),
}

impl StartError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StartError::Listen(e) => crate::tr!(
                lang,
                "vote.cannot_listen",
                reason = crate::file::io_reason(e, lang)
            ),
            StartError::Thread(_) | StartError::Random(_) => crate::tr!(lang, "vote.cannot_start"),
        }
    }
}

/// A running voting server. Dropping it (or [`VoteServer::stop`]) stops it and frees the port.
pub struct VoteServer {
    shared: Arc<Shared>,
    local: SocketAddr,
    addresses: Vec<IpAddr>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl VoteServer {
    /// Starts listening on `bind` (tests and `--bind`), or on every address of the laptop.
    pub fn start(
        config: PollConfig,
        bind: Option<SocketAddr>,
        listener: impl Fn(Event) + Send + Sync + 'static,
    ) -> Result<VoteServer, StartError> {
        let token = random_id().map_err(StartError::Random)?;
        let socket = super::net::listen(bind).map_err(StartError::Listen)?;
        let local = socket.local_addr().map_err(StartError::Listen)?;
        let addresses = if local.ip().is_unspecified() {
            let mut found = super::net::local_addresses();
            if found.is_empty() {
                // No network: the laptop alone (the window says phones cannot reach it).
                found.push(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
            }
            found
        } else {
            vec![local.ip()]
        };
        let shared = Arc::new(Shared {
            poll: Mutex::new(Poll::new(config)),
            base: format!("/v/{token}"),
            token,
            listener: Box::new(listener),
            buckets: Mutex::new(HashMap::new()),
            connections: Mutex::new(HashMap::new()),
            total_connections: AtomicU64::new(0),
        });
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let serving = shared.clone();
        let thread = std::thread::Builder::new()
            .name("kizuki-vote-server".into())
            .spawn(move || serve(socket, serving, stopped))
            .map_err(StartError::Thread)?;
        Ok(VoteServer {
            shared,
            local,
            addresses,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    pub fn port(&self) -> u16 {
        self.local.port()
    }

    /// The page's path: `/v/<token>`.
    pub fn path(&self) -> &str {
        &self.shared.base
    }

    /// The page's URL at each of the laptop's addresses, the likely one first.
    pub fn urls(&self) -> Vec<String> {
        self.addresses
            .iter()
            .map(|ip| super::net::url(*ip, self.port(), self.path()))
            .collect()
    }

    pub fn url(&self) -> String {
        self.urls().into_iter().next().unwrap_or_default()
    }

    /// Whether phones can reach it: false when the laptop has no network address but loopback.
    pub fn reachable(&self) -> bool {
        self.addresses.iter().any(|ip| !ip.is_loopback()) || !self.local.ip().is_unspecified()
    }

    pub fn status(&self) -> Vec<ItemStatus> {
        let poll = self.shared.poll();
        poll.items().into_iter().map(|i| poll.status(i)).collect()
    }

    pub fn reveal(&self, item: ItemId) -> Revealed {
        self.shared.poll().reveal(item)
    }

    pub fn reveal_all(&self) -> Vec<Revealed> {
        self.shared.poll().reveal_all()
    }

    /// Single-item voting moves on with the facilitator.
    pub fn follow(&self, item: ItemId) {
        let mut poll = self.shared.poll();
        if poll.current() != item {
            poll.follow(item);
        }
    }

    pub fn set_auto_reveal(&self, on: bool) {
        self.shared.poll().config.auto_reveal = on;
    }

    pub fn config(&self) -> PollConfig {
        self.shared.poll().config.clone()
    }

    /// Stops the server and waits until the port is free.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            // The thread ends once the runtime is shut down; a panic there was reported already.
            let _ = thread.join();
        }
    }
}

impl Drop for VoteServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// 128 random bits from the operating system, as 26 characters of base32 (a–z, 2–7).
pub fn random_id() -> Result<String, String> {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    let mut bits = 0u32;
    let mut held = 0;
    let mut out = String::with_capacity(26);
    for byte in bytes {
        bits = (bits << 8) | u32::from(byte);
        held += 8;
        while held >= 5 {
            held -= 5;
            out.push(char::from(ALPHABET[((bits >> held) & 31) as usize]));
        }
    }
    if held > 0 {
        out.push(char::from(ALPHABET[((bits << (5 - held)) & 31) as usize]));
    }
    Ok(out)
}

/// The client's address, added to each request by the accept loop.
#[derive(Clone, Copy, Debug)]
struct Client(IpAddr);

fn serve(
    socket: std::net::TcpListener,
    shared: Arc<Shared>,
    stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            log::error!("the voting server's runtime could not start: {e}");
            return;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::from_std(socket) {
            Ok(listener) => listener,
            Err(e) => {
                log::error!("the voting server cannot listen: {e}");
                return;
            }
        };
        let app = router(shared.clone());
        let mut connections = tokio::task::JoinSet::new();
        tokio::pin!(stopped);
        loop {
            tokio::select! {
                _ = &mut stopped => break,
                accepted = listener.accept() => {
                    let Ok((stream, peer)) = accepted else {
                        // Out of file descriptors and the like: pause rather than spin.
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue;
                    };
                    let ip = peer.ip();
                    if !shared.enter(ip) {
                        drop(stream);
                        continue;
                    }
                    let app = app.clone();
                    let shared = shared.clone();
                    connections.spawn(async move {
                        connection(stream, ip, app).await;
                        shared.leave(ip);
                    });
                }
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
            }
        }
        // Dropping the listener frees the port; open connections are cut.
        drop(listener);
        connections.shutdown().await;
    });
}

async fn connection(stream: tokio::net::TcpStream, ip: IpAddr, app: Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;
    let service = app.map_request(move |mut request: Request<hyper::body::Incoming>| {
        request.extensions_mut().insert(Client(ip));
        request
    });
    let service = hyper_util::service::TowerToHyperService::new(service);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(16 * 1024);
    let served = builder.serve_connection(TokioIo::new(stream), service);
    // However slowly a client sends, its connection ends.
    let _ = tokio::time::timeout(CONNECTION_LIFETIME, served).await;
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v/{token}", get(page_get).post(page_post))
        .route("/v/{token}/state", get(state_get))
        .route("/v/{token}/app.css", get(css_get))
        .route("/v/{token}/app.js", get(js_get))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .with_state(shared)
}

/// Rate limit, then the security headers on every response.
async fn guard(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    let ip = request
        .extensions()
        .get::<Client>()
        .map_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED), |c| c.0);
    let mut response = if shared.allow(ip) {
        next.run(request).await
    } else {
        (StatusCode::TOO_MANY_REQUESTS, "too many requests").into_response()
    };
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
    response
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

/// Compares a token in time that does not depend on where it first differs.
fn token_ok(shared: &Shared, given: &str) -> bool {
    let expected = shared.token.as_bytes();
    let given = given.as_bytes();
    expected.len() == given.len()
        && expected
            .iter()
            .zip(given)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The phone's language: `?lang=`, else its cookie, else the browser's first choice.
fn language(query: &HashMap<String, String>, headers: &HeaderMap) -> Lang {
    let from = |text: &str| {
        if text.trim().to_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    };
    if let Some(lang) = query.get("lang") {
        return from(lang);
    }
    if let Some(lang) = cookie(headers, "kizuki_lang") {
        return from(&lang);
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::Ja, from)
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        // Only ids and language codes are stored: anything else is not ours.
        .filter(|v| v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

fn html_response(
    status: StatusCode,
    body: String,
    cookies: &[(String, String)],
    base: &str,
) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    for (name, value) in cookies {
        let text = format!("{name}={value}; Path={base}; Max-Age=43200; HttpOnly; SameSite=Strict");
        if let Ok(value) = HeaderValue::from_str(&text) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

async fn page_get(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if !token_ok(&shared, &token) {
        return not_found().await;
    }
    let lang = language(&query, &headers);
    let mut cookies = Vec::new();
    let phone = match cookie(&headers, "kizuki_phone") {
        Some(phone) => phone,
        None => match random_id() {
            Ok(id) => {
                cookies.push(("kizuki_phone".to_owned(), id.clone()));
                id
            }
            Err(_) => return server_error(lang),
        },
    };
    if query.contains_key("lang") {
        cookies.push(("kizuki_lang".to_owned(), lang.code().to_owned()));
    }
    render(&shared, lang, &phone, None, StatusCode::OK, &cookies)
}

fn render(
    shared: &Shared,
    lang: Lang,
    phone: &str,
    outcome: Option<Outcome>,
    status: StatusCode,
    cookies: &[(String, String)],
) -> Response {
    let poll = shared.poll();
    let member = poll.claimed_by(phone).and_then(|id| {
        poll.config
            .members
            .iter()
            .find(|(m, _)| *m == id)
            .map(|(_, n)| n.clone())
    });
    let body = page::page(&View {
        poll: &poll,
        lang,
        base: &shared.base,
        phone,
        member,
        outcome,
    });
    drop(poll);
    html_response(status, body, cookies, &shared.base)
}

fn server_error(lang: Lang) -> Response {
    html_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        page::error_page(&crate::tr!(lang, "vote.cannot_start"), lang),
        &[],
        "/",
    )
}

async fn page_post(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Response {
    if !token_ok(&shared, &token) {
        return not_found().await;
    }
    let lang = language(&query, &headers);
    let Ok(body) = body else {
        return html_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            page::error_page(&crate::tr!(lang, "phone.too_large"), lang),
            &[],
            &shared.base,
        );
    };
    let mut fields: HashMap<String, String> = HashMap::new();
    for (key, value) in form_urlencoded::parse(&body) {
        // A field sent twice is suspicious: the first counts, as browsers send one.
        fields
            .entry(key.into_owned())
            .or_insert_with(|| value.into_owned());
    }
    // The form's field first (phones without cookies), else the cookie.
    let phone = fields
        .get("phone")
        .cloned()
        .filter(|p| p.len() <= 64 && p.chars().all(|c| c.is_ascii_alphanumeric()))
        .or_else(|| cookie(&headers, "kizuki_phone"))
        .unwrap_or_default();
    let item = fields
        .get("item")
        .map(String::as_str)
        .and_then(ItemId::parse);
    let level = fields.get("level").map_or("", String::as_str);
    let member = fields.get("member").map(String::as_str);
    let result = match item {
        None => Err(Rejection::UnknownItem),
        Some(item) => {
            let mut poll = shared.poll();
            let result = poll
                .vote(&phone, member, item, level)
                .map(|auto| (item, auto));
            let statuses = poll.items().into_iter().map(|i| poll.status(i)).collect();
            drop(poll);
            if result.is_ok() {
                (shared.listener)(Event::Changed(statuses));
            }
            result
        }
    };
    let (outcome, status) = match result {
        Ok((item, auto)) => {
            if let Some(revealed) = auto {
                (shared.listener)(Event::Revealed(revealed));
            }
            let level = level
                .trim()
                .parse::<u8>()
                .ok()
                .and_then(crate::project::Level::new);
            match level {
                Some(level) => (Outcome::Recorded(item, level), StatusCode::OK),
                None => (
                    Outcome::Refused(Rejection::BadLevel),
                    StatusCode::BAD_REQUEST,
                ),
            }
        }
        Err(why) => (
            Outcome::Refused(why),
            match why {
                Rejection::NameTaken | Rejection::Closed => StatusCode::CONFLICT,
                _ => StatusCode::BAD_REQUEST,
            },
        ),
    };
    render(&shared, lang, &phone, Some(outcome), status, &[])
}

async fn state_get(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if !token_ok(&shared, &token) {
        return not_found().await;
    }
    let lang = language(&query, &headers);
    let poll = shared.poll();
    let items: Vec<serde_json::Value> = poll
        .items()
        .into_iter()
        .map(|item| {
            let status = poll.status(item);
            serde_json::json!({
                "item": item.as_str(),
                "voted": status.voted,
                "expected": status.expected,
                "revealed": status.revealed,
                "text": crate::tr!(lang, "phone.count", voted = status.voted, expected = status.expected),
            })
        })
        .collect();
    let revealed = poll
        .items()
        .iter()
        .filter(|i| poll.status(**i).revealed)
        .count();
    let version = format!(
        "{}-{}",
        poll.items().first().map_or("", |i| i.as_str()),
        revealed
    );
    drop(poll);
    axum::Json(serde_json::json!({ "version": version, "items": items })).into_response()
}

async fn css_get(State(shared): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    asset(&shared, &token, page::CSS, "text/css; charset=utf-8")
}

async fn js_get(State(shared): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    asset(&shared, &token, page::JS, "text/javascript; charset=utf-8")
}

fn asset(shared: &Shared, token: &str, body: &'static str, kind: &'static str) -> Response {
    if !token_ok(shared, token) {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_26_characters_of_base32_and_differ() {
        let a = random_id().expect("random");
        let b = random_id().expect("random");
        assert_eq!(a.len(), 26);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        );
        assert_ne!(a, b);
    }
}
