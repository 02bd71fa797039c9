//! A static file server for one test, serving a built site as a CDN would
//! (`clinic_build::static_host`), that can fail on request: a status, another body, a dropped
//! connection, an answer held back until the test releases it.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub use clinic_build::static_host::Unknown;
use clinic_build::static_host::{request_path, write_answer, StaticSite};

use super::WAIT;

/// What the test server should do differently for one path.
#[derive(Clone)]
pub enum Fault {
    /// Answers with this status and no body.
    Status(u16),
    /// Answers 200 with this body instead of the file.
    Body(Vec<u8>),
    /// Closes the connection without an answer, as a dropped network does.
    Drop,
    /// Holds the answer until the test releases the gate.
    Hold(Gate),
}

/// Holds answers until the test releases it: for what a reader does before the app runs,
/// whatever the machine's speed.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    pub fn release(&self) {
        let (open, changed) = &*self.0;
        *open.lock().expect("gate lock") = true;
        changed.notify_all();
    }

    /// Waits until released (or until a failed test could not release it).
    fn pass(&self) {
        let (open, changed) = &*self.0;
        let open = open.lock().expect("gate lock");
        let _ = changed.wait_timeout_while(open, WAIT * 3, |open| !*open);
    }
}

/// A static file server on a free loopback port, serving `root` under `prefix`, with the
/// response headers the site's `_headers` file asks of Netlify and Cloudflare Pages, caching
/// included (each test has a browser of its own, so nothing is cached across tests).
pub struct Server {
    pub origin: String,
    /// Whether every page address is answered with the app's shell (`app.html`), as the
    /// service worker answers a page it has not saved: the app then builds the page from the
    /// content files.
    shell_for_pages: Arc<AtomicBool>,
    faults: Arc<Mutex<HashMap<String, Fault>>>,
    /// What is served, replaced by `serve_from`.
    site: Arc<Mutex<Arc<StaticSite>>>,
    /// The path of every request so far, in order: what the page, its workers and the
    /// service worker asked for.
    requested: Arc<Mutex<Vec<String>>>,
}

/// The fault key that stands for every path: the server is unreachable.
const EVERY_PATH: &str = "*";

impl Server {
    pub fn start(root: &Path) -> Server {
        Server::start_with(root, "/", Unknown::Index)
    }

    pub fn start_with(root: &Path, prefix: &str, unknown: Unknown) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let origin = format!("http://{}", listener.local_addr().expect("local address"));
        let faults: Arc<Mutex<HashMap<String, Fault>>> = Arc::default();
        let site = Arc::new(Mutex::new(Arc::new(StaticSite::new(root, prefix, unknown))));
        let shell_for_pages = Arc::new(AtomicBool::new(false));
        let requested: Arc<Mutex<Vec<String>>> = Arc::default();
        let (shared_site, shared_faults, shell, log) = (
            site.clone(),
            faults.clone(),
            shell_for_pages.clone(),
            requested.clone(),
        );
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = shared_site.lock().expect("site lock").clone();
                let faults = shared_faults.clone();
                let shell = shell.load(Ordering::SeqCst);
                let log = log.clone();
                thread::spawn(move || serve(stream, &site, &faults, shell, &log));
            }
        });
        Server {
            origin,
            shell_for_pages,
            faults,
            site,
            requested,
        }
    }

    /// Answers every page address with the app's shell from now on, so the app builds each
    /// page from the content files (and their failures show).
    pub fn serve_the_shell(&self) {
        self.shell_for_pages.store(true, Ordering::SeqCst);
    }

    /// Answers `path` with `status` and no body until cleared.
    pub fn fail(&self, path: &str, status: u16) {
        self.set(path, Fault::Status(status));
    }

    /// Answers `path` with `body` instead of the file.
    pub fn replace(&self, path: &str, body: impl Into<Vec<u8>>) {
        self.set(path, Fault::Body(body.into()));
    }

    /// Holds the answer for every path ending in `suffix` until the returned gate is released.
    pub fn hold(&self, suffix: &str) -> Gate {
        let gate = Gate::default();
        self.set(suffix, Fault::Hold(gate.clone()));
        gate
    }

    /// Serves `root` from now on, as a host does after a new deploy.
    pub fn serve_from(&self, root: &Path) {
        let mut site = self.site.lock().expect("site lock");
        *site = Arc::new(StaticSite::new(root, &site.prefix, site.unknown));
    }

    /// Drops every connection until `clear`: the site cannot be reached.
    pub fn go_down(&self) {
        self.set(EVERY_PATH, Fault::Drop);
    }

    pub fn clear(&self) {
        self.faults.lock().expect("faults lock").clear();
    }

    /// The paths requested so far, in order.
    pub fn requested(&self) -> Vec<String> {
        self.requested.lock().expect("log lock").clone()
    }

    pub fn set(&self, path: &str, fault: Fault) {
        self.faults
            .lock()
            .expect("faults lock")
            .insert(path.to_string(), fault);
    }
}

fn serve(
    stream: TcpStream,
    site: &StaticSite,
    faults: &Mutex<HashMap<String, Fault>>,
    shell: bool,
    requested: &Mutex<Vec<String>>,
) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = request_path(&request_line);
    requested.lock().expect("log lock").push(path.clone());
    let last = path.rsplit('/').next().unwrap_or("");
    if shell && !last.contains('.') {
        let page = std::fs::read(site.root.join("app.html")).unwrap_or_default();
        return answer(stream, site, &path, Some(Fault::Body(page)));
    }

    let fault = {
        let faults = faults.lock().expect("faults lock");
        if faults.contains_key(EVERY_PATH) {
            return;
        }
        faults.get(&path).cloned().or_else(|| {
            faults
                .iter()
                .find(|(suffix, fault)| {
                    matches!(fault, Fault::Hold(_)) && path.ends_with(suffix.as_str())
                })
                .map(|(_, fault)| fault.clone())
        })
    };
    answer(stream, site, &path, fault);
}

fn answer(stream: TcpStream, site: &StaticSite, path: &str, fault: Option<Fault>) {
    let answer = match fault {
        Some(Fault::Status(status)) => site.with_headers(path, status, Vec::new()),
        Some(Fault::Body(body)) => site.with_headers(path, 200, body),
        Some(Fault::Drop) => return,
        Some(Fault::Hold(gate)) => {
            gate.pass();
            site.answer(path)
        }
        None => site.answer(path),
    };
    let _ = write_answer(&stream, &answer);
}
