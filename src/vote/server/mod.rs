//! The voting server: axum on a tokio runtime of its own thread, only while voting is open.
//!
//! Only the voting routes exist, under an unguessable token; everything else is 404. Bodies are
//! limited, every field is checked ([`super::token`] for who may vote, [`Poll::vote`] for what),
//! each client has a request rate and a connection limit, idle connections are shed first when
//! the server is full ([`limits`]), and the pages forbid every external load. Every accepted
//! ballot is in the journal ([`super::journal`]) before the phone hears 「投票しました」.
//!
//! - [`routes`]: the page, the vote, the live counts.
//! - [`limits`]: connections and rates, fair under a flood.
//! - [`http`]: cookies, language, the headers of every answer.

mod http;
pub mod limits;
mod routes;

use super::journal::Journal;
use super::poll::{ItemStatus, Oversight, Poll, PollConfig, Released, Revealed};
use super::token::Secrets;
use crate::checklist::ItemId;
use crate::i18n::Lang;
use limits::{Connections, Limits, Rates, Ticket};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What the server tells its owner (the window, or the headless command).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A vote was recorded or changed, or a name released: where the round stands now.
    Changed(Standing),
    /// Everyone had voted and the item revealed itself.
    Revealed(Revealed),
    /// A ballot was accepted but could not be written to the journal (the disk is full, say):
    /// the phone was told; the window says where the journal is.
    NotJournaled {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// The server's thread ended by itself: the page can no longer be reached.
    Stopped,
}

/// Where a round stands: each item's count, and what only the facilitator sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    pub items: Vec<ItemStatus>,
    pub oversight: Oversight,
}

fn standing(poll: &Poll) -> Standing {
    Standing {
        items: poll.statuses(),
        oversight: poll.oversight(),
    }
}

type Listener = Box<dyn Fn(Event) + Send + Sync>;

/// What the routes share.
struct Shared {
    poll: Mutex<Poll>,
    secrets: Secrets,
    /// `/v/<token>`.
    base: String,
    listener: Listener,
    journal: Option<Journal>,
    limits: Limits,
    rates: Mutex<Rates>,
    connections: Mutex<Connections>,
}

/// A lock that a panic elsewhere does not make unusable: each update leaves the data whole.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Shared {
    fn poll(&self) -> MutexGuard<'_, Poll> {
        lock(&self.poll)
    }

    fn allow(&self, address: IpAddr, now: Instant) -> bool {
        lock(&self.rates).allow(address, now)
    }

    /// Whether `path` is under the page's token: `/v/<token>` or below it.
    fn is_page_path(&self, path: &str) -> bool {
        path.strip_prefix("/v/")
            .and_then(|rest| rest.split('/').next())
            .is_some_and(|token| self.secrets.is_path_token(token))
    }
}

/// The client of a request, added by the accept loop: its address, and whether it is being
/// answered (a busy connection is never shed).
#[derive(Clone, Debug)]
struct Client {
    address: IpAddr,
    busy: Arc<AtomicBool>,
}

/// Why voting could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen: {0}")]
    Listen(std::io::Error),
    /// The machine's policy turns phone voting off.
    #[error("phone voting is turned off by the machine's policy")]
    TurnedOff(crate::policy::Policy),
    /// The port the policy fixes is taken.
    #[error("the port the policy fixes ({0}) is in use")]
    FixedPortInUse(u16),
    #[error("cannot start the server's thread: {0}")]
    Thread(std::io::Error),
    #[error("no random numbers from the system: {0}")]
    Random(#[from] getrandom::Error),
    /// The journal every ballot goes to could not be made: without it a crash would lose them.
    #[error(transparent)]
    Journal(#[from] super::journal::JournalError),
}

impl StartError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StartError::Listen(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                crate::tr!(lang, "vote.port_in_use")
            }
            StartError::Listen(e) => crate::tr!(
                lang,
                "vote.cannot_listen",
                reason = crate::file::io_reason(e, lang)
            ),
            StartError::TurnedOff(policy) => match &policy.problem {
                Some(problem) => problem.message(lang),
                None => crate::tr!(lang, "policy.voting_blocked"),
            },
            StartError::FixedPortInUse(port) => crate::tr!(lang, "policy.port_in_use", port = port),
            StartError::Thread(_) | StartError::Random(_) => crate::tr!(lang, "vote.cannot_start"),
            StartError::Journal(e) => crate::tr!(
                lang,
                "vote.no_journal",
                path = e.path().display(),
                reason = crate::file::io_kind_reason(e.kind(), lang)
                    .unwrap_or_else(|| crate::tr!(lang, "io.other"))
            ),
        }
    }
}

/// How to start: where to listen, the journal, the limits.
#[derive(Default)]
pub struct ServerOptions {
    /// An address to listen on (tests and `--bind`); else every address of the laptop.
    pub bind: Option<SocketAddr>,
    /// Where every accepted ballot is written before the phone is told.
    pub journal: Option<Journal>,
    pub limits: Limits,
    /// What the PC's administrator allows: whether to listen at all, and on which port.
    pub policy: crate::policy::Policy,
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
    /// Starts listening. Everything that can fail does so here, before anyone is shown a URL:
    /// the socket, the runtime, the thread.
    pub fn start(
        config: PollConfig,
        options: ServerOptions,
        listener: impl Fn(Event) + Send + Sync + 'static,
    ) -> Result<VoteServer, StartError> {
        if !options.policy.phone_voting {
            return Err(StartError::TurnedOff(options.policy));
        }
        let fixed = options.policy.vote_port;
        let secrets = Secrets::new()?;
        let socket = super::net::listen(options.bind, fixed).map_err(|e| match fixed {
            Some(port) if e.kind() == std::io::ErrorKind::AddrInUse => {
                StartError::FixedPortInUse(port)
            }
            _ => StartError::Listen(e),
        })?;
        let local = socket.local_addr().map_err(StartError::Listen)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(StartError::Thread)?;
        let socket = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(socket).map_err(StartError::Listen)?
        };
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
        let limits = options.limits;
        let shared = Arc::new(Shared {
            poll: Mutex::new(Poll::new(config)),
            base: format!("/v/{}", secrets.path_token()),
            secrets,
            listener: Box::new(listener),
            journal: options.journal,
            rates: Mutex::new(Rates::new(limits.clone())),
            connections: Mutex::new(Connections::new(limits.clone())),
            limits,
        });
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let serving = shared.clone();
        let thread = std::thread::Builder::new()
            .name("kizuki-vote-server".into())
            .spawn(move || {
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    runtime.block_on(serve(socket, serving.clone(), stopped));
                }));
                if outcome.is_err() {
                    (serving.listener)(Event::Stopped);
                }
            })
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

    /// Where the round stands now.
    pub fn standing(&self) -> Standing {
        standing(&self.shared.poll())
    }

    /// The journal the ballots are written to.
    pub fn journal(&self) -> Option<PathBuf> {
        self.shared.journal.as_ref().map(|j| j.path().to_owned())
    }

    pub fn reveal(&self, item: ItemId) -> Revealed {
        self.shared.poll().reveal(item)
    }

    pub fn reveal_all(&self) -> Vec<Revealed> {
        self.shared.poll().reveal_all()
    }

    /// Single-item voting moves on with the facilitator.
    pub fn follow(&self, item: ItemId) {
        self.shared.poll().follow(item);
    }

    pub fn set_auto_reveal(&self, on: bool) {
        self.shared.poll().config.auto_reveal = on;
    }

    /// How many phones at one address may vote on an item (more than 1: a shared phone).
    pub fn set_phones_per_address(&self, phones: usize) {
        self.shared.poll().config.phones_per_address = phones.max(1);
    }

    /// Frees a name taken by mistake (the facilitator's click); its phone is told.
    pub fn release(&self, member: u32) -> Option<Released> {
        let mut poll = self.shared.poll();
        let released = poll.release(member)?;
        self.write_journal(released.withdrawn());
        Some(released)
    }

    /// Undoes a release, where nobody took the name meanwhile: `None` when refused, else how
    /// many of its ballots could not come back.
    pub fn restore(&self, released: Released) -> Option<usize> {
        let mut poll = self.shared.poll();
        let restored = poll.restore(released)?;
        self.write_journal(restored.entries);
        Some(restored.left_out)
    }

    fn write_journal(&self, entries: Vec<super::poll::Entry>) {
        if let Some(journal) = &self.shared.journal {
            // The journal follows the poll; a failure to write is said as for a vote.
            if let Err(error) = journal.record_now(entries) {
                (self.shared.listener)(Event::NotJournaled {
                    path: error.path().to_owned(),
                    kind: error.kind(),
                });
            }
        }
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

async fn serve(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let app = routes::router(shared.clone());
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
                let address = peer.ip().to_canonical();
                let Some(ticket) = lock(&shared.connections).admit(address, Instant::now()) else {
                    drop(stream);
                    continue;
                };
                let app = app.clone();
                let shared = shared.clone();
                connections.spawn(async move {
                    let id = ticket.id;
                    connection(stream, address, ticket, app, &shared.limits).await;
                    lock(&shared.connections).leave(id);
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    // Dropping the listener frees the port; open connections are cut.
    drop(listener);
    connections.shutdown().await;
}

async fn connection(
    stream: tokio::net::TcpStream,
    address: IpAddr,
    ticket: Ticket,
    app: axum::Router,
    limits: &Limits,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;
    let client = Client {
        address,
        busy: ticket.busy.clone(),
    };
    let service = app.map_request(
        move |mut request: axum::extract::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(client.clone());
            request
        },
    );
    let service = hyper_util::service::TowerToHyperService::new(service);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(ticket.header_timeout)
        .max_buf_size(16 * 1024);
    let served = builder.serve_connection(TokioIo::new(stream), service);
    // However slowly a client sends, its connection ends; and a connection shed to make room
    // for another ends at once.
    tokio::select! {
        _ = tokio::time::timeout(limits.connection_lifetime, served) => {}
        () = ticket.close.notified() => {}
    }
}
