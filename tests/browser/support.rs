//! The browser-test harness: builds the release site once, serves it from a small static file
//! server that can inject failures, and drives headless Chromium through chromedriver.
//!
//! The tests run against the suite's own content (`tests/fixtures/`), put in place of the
//! shipped `public/content/` after the build, so a clinic that edits its content keeps a
//! green suite. Only the smoke test (`shipped.rs`) loads the shipped content, and it reads
//! its expectations from the shipped files.

use std::collections::HashMap;
use std::future::Future;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use futures::FutureExt;
use serde_json::Value;

pub use clinic_build::static_host::Unknown;
use clinic_build::static_host::{request_path, write_answer, StaticSite};

use crate::common::copy_dir;

pub const WAIT: Duration = Duration::from_secs(20);

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The release site built for the domain root, with the suite's fixture content.
pub fn site_dir() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| with_fixture_content(shipped_site_dir(), "/", "site-fixture"))
}

/// The release site built for the domain root, with the content it ships.
pub fn shipped_site_dir() -> &'static Path {
    static SITE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    built(&SITE, "/", "site")
}

/// The release site built for a sub-path deploy (`--public-url /clinic/`), with the fixture
/// content.
pub fn sub_path_site_dir() -> &'static Path {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        with_fixture_content(
            built(&BUILT, SUB_PATH, "site-clinic"),
            SUB_PATH,
            "site-clinic-fixture",
        )
    })
}

fn fixtures_dir() -> PathBuf {
    repo_root().join("tests/fixtures")
}

/// A copy of the built site `dist` (built for `public_url`) named `name`, serving the fixture
/// content and images in place of the shipped content, with every page pre-rendered from them.
fn with_fixture_content(dist: &Path, public_url: &str, name: &str) -> PathBuf {
    let site = repo_root().join("target/browser-tests").join(name);
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(dist, &site);
    std::fs::remove_dir_all(site.join("content")).expect("remove the shipped content");
    std::fs::remove_dir_all(site.join("articles")).expect("remove the shipped pages");
    copy_dir(&fixtures_dir().join("content"), &site.join("content"));
    copy_dir(&fixtures_dir().join("images"), &site.join("images"));
    // What the build does last, done again for this content: every page pre-rendered, and
    // the service worker's list of saved files.
    finish_build(&site, public_url);
    site
}

/// Runs what Trunk runs after a build (`src/bin/finish_build.rs`) on `site`.
fn finish_build(site: &Path, public_url: &str) {
    let output = Command::new(env!("CARGO_BIN_EXE_finish-build"))
        .arg(site)
        .arg(public_url)
        .output()
        .expect("run finish-build");
    assert!(
        output.status.success(),
        "finish-build failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every HTML page of `site`.
pub fn html_pages(site: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(site).expect("read a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            pages.extend(html_pages(&path));
        } else if path
            .extension()
            .is_some_and(|extension| extension == "html")
        {
            pages.push(path);
        }
    }
    pages
}

/// A copy of the fixture site as a new build would be: the same app under new hashed file
/// names, and its own service worker.
pub fn next_build_of(site: &Path, name: &str) -> PathBuf {
    let next = repo_root().join("target/browser-tests").join(name);
    let _ = std::fs::remove_dir_all(&next);
    copy_dir(site, &next);
    let assets = next.join("assets");
    let mut renamed = Vec::new();
    for entry in std::fs::read_dir(&assets).expect("assets").flatten() {
        let old = entry.file_name().to_string_lossy().into_owned();
        let new = old.replacen("clinic-article-", "clinic-article-next", 1);
        std::fs::rename(assets.join(&old), assets.join(&new)).expect("rename an asset");
        renamed.push((old, new));
    }
    for page in html_pages(&next) {
        let mut html = std::fs::read_to_string(&page).expect("page");
        for (old, new) in &renamed {
            html = html.replace(old.as_str(), new);
        }
        std::fs::write(&page, html).expect("write the page");
    }
    let (_, service_worker) = clinic_build::service_worker::write_service_worker(&next)
        .expect("write the service worker");
    assert!(service_worker > 0);
    next
}

pub const SUB_PATH: &str = "/clinic/";

fn built(
    site: &'static OnceLock<Result<PathBuf, String>>,
    public_url: &str,
    name: &str,
) -> &'static Path {
    // One trunk build at a time: they share cargo's target directory.
    static BUILDING: Mutex<()> = Mutex::new(());
    let result = site.get_or_init(|| {
        let _one_at_a_time = BUILDING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        build_site(public_url, name)
    });
    match result {
        Ok(dir) => dir,
        Err(message) => panic!("{message}"),
    }
}

fn build_site(public_url: &str, name: &str) -> Result<PathBuf, String> {
    let root = repo_root();
    let dist = root.join("target/browser-tests").join(name);
    let path = format!(
        "{}:{}",
        root.join("tools/node_modules/.bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("trunk")
        .args(["build", "--release", "--public-url", public_url, "--dist"])
        .arg(&dist)
        .current_dir(&root)
        .env("PATH", path)
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .output()
        .map_err(|e| format!("could not run trunk (run tools/dev.sh test to install it): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "trunk build --release --public-url {public_url} failed:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(dist)
}

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
    /// The inner fault for the next request only; then the path is served as usual.
    Once(Box<Fault>),
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
        let (shared_site, shared_faults, shell) =
            (site.clone(), faults.clone(), shell_for_pages.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = shared_site.lock().expect("site lock").clone();
                let faults = shared_faults.clone();
                let shell = shell.load(Ordering::SeqCst);
                thread::spawn(move || serve(stream, &site, &faults, shell));
            }
        });
        Server {
            origin,
            shell_for_pages,
            faults,
            site,
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

    /// Answers the next request for `path` with `fault`, and later ones as usual: a server
    /// that fails once and recovers.
    pub fn fail_once(&self, path: &str, fault: Fault) {
        self.set(path, Fault::Once(Box::new(fault)));
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
    let last = path.rsplit('/').next().unwrap_or("");
    if shell && !last.contains('.') {
        let page = std::fs::read(site.root.join("app.html")).unwrap_or_default();
        return answer(stream, site, &path, Some(Fault::Body(page)));
    }

    let fault = {
        let mut faults = faults.lock().expect("faults lock");
        if faults.contains_key(EVERY_PATH) {
            return;
        }
        if let Some(Fault::Once(fault)) = faults.get(&path).cloned() {
            faults.remove(&path);
            return answer(stream, site, &path, Some(*fault));
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
        Some(Fault::Once(fault)) => return answer(stream, site, path, Some(*fault)),
        None => site.answer(path),
    };
    let _ = write_answer(&stream, &answer);
}

/// The Chromium the tests drive: `$CHROME_PATH`, or Debian's.
fn chrome_path() -> String {
    std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Its WebDriver: `$CHROMEDRIVER_PATH`, or `chromedriver` on the `PATH`.
fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER_PATH").unwrap_or_else(|_| "chromedriver".into())
}

/// A WebDriver of our own, killed when dropped. It and its browser keep their temporary files
/// (profile, sockets) in a folder of their own, removed after them: a browser that is killed
/// rather than quit leaves them behind, and a full run would fill the disk.
struct Driver {
    child: Child,
    url: String,
    _temporary: tempfile::TempDir,
}

impl Driver {
    fn start() -> Driver {
        Driver::start_program(&chromedriver_path(), "--port=", None)
    }

    /// Starts the WebDriver `program`, passing its port as `port_flag` followed by the port,
    /// on the X `display` when it needs one.
    fn start_program(program: &str, port_flag: &str, display: Option<&str>) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let temporary = tempfile::Builder::new()
            .prefix("clinic-browser-")
            .tempdir()
            .expect("a temporary folder for the browser");
        let mut command = Command::new(program);
        command.env("TMPDIR", temporary.path());
        if let Some(display) = display {
            command.env("DISPLAY", display);
        }
        let child = command
            .arg(format!("{port_flag}{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("start {program} (run tools/dev.sh test to install it): {e}")
            });
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            _temporary: temporary,
        }
    }
}

/// The browsers besides Chromium that the core journeys run in.
#[derive(Debug, Clone, Copy)]
pub enum OtherBrowser {
    /// Firefox ESR through geckodriver (`$FIREFOX_PATH`, `$GECKODRIVER_PATH`).
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver (`$WEBKIT_BROWSER_PATH`,
    /// `$WEBKIT_DRIVER_PATH`), on a virtual display of its own (Xvfb): it has no headless mode.
    WebKit,
}

fn path_from(variable: &str, default: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| default.into())
}

/// A virtual X display, stopped when dropped.
struct VirtualDisplay {
    child: Child,
    name: String,
}

impl VirtualDisplay {
    fn start() -> VirtualDisplay {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb (run tools/dev.sh test to install it)");
        let mut number = String::new();
        let stdout = child.stdout.take().expect("Xvfb's output");
        BufReader::new(stdout)
            .read_line(&mut number)
            .expect("Xvfb's display number");
        VirtualDisplay {
            child,
            name: format!(":{}", number.trim()),
        }
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `test` against the fixture site in a fresh `browser`, closing it even when the test
/// fails. Only WebDriver's own commands work there: none of the DevTools helpers.
pub async fn with_other_browser<F, Fut>(browser: OtherBrowser, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    let mut capabilities = serde_json::Map::new();
    let (driver, _display) = match browser {
        OtherBrowser::Firefox => {
            capabilities.insert(
                "moz:firefoxOptions".into(),
                serde_json::json!({
                    "binary": path_from("FIREFOX_PATH", "/usr/bin/firefox-esr"),
                    "args": ["-headless", "-width=1280", "-height=900"],
                }),
            );
            let driver = path_from("GECKODRIVER_PATH", "geckodriver");
            (Driver::start_program(&driver, "--port=", None), None)
        }
        OtherBrowser::WebKit => {
            capabilities.insert(
                "webkitgtk:browserOptions".into(),
                serde_json::json!({
                    "binary": path_from(
                        "WEBKIT_BROWSER_PATH",
                        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
                    ),
                    "args": ["--automation"],
                }),
            );
            let display = VirtualDisplay::start();
            let driver = path_from("WEBKIT_DRIVER_PATH", "WebKitWebDriver");
            let driver = Driver::start_program(&driver, "--port=", Some(&display.name));
            (driver, Some(display))
        }
    };
    // WebKit's driver runs no script while an "eager" load finishes: it waits for "load".
    let strategy = match browser {
        OtherBrowser::Firefox => "eager",
        OtherBrowser::WebKit => "normal",
    };
    capabilities.insert("pageLoadStrategy".into(), strategy.into());
    let client = connect_with(&driver.url, capabilities).await;
    let _ = client.set_window_size(1280, 900).await;
    run_and_close(driver, client, server, test).await;
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser on one server.
pub struct Page {
    pub client: Client,
    pub server: Server,
}

/// Runs `test` against a fresh server of the release site and a fresh headless Chromium
/// with a `width` x `height` window, closing the browser even when the test fails.
pub async fn with_page<F, Fut>(width: u32, height: u32, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    with_browser(width, height, &[], test).await
}

/// [`with_page`] with extra Chromium flags, such as `--force-prefers-reduced-motion`.
pub async fn with_browser<F, Fut>(width: u32, height: u32, flags: &[&str], test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    run_in_browser(Server::start(site_dir()), width, height, flags, test).await
}

/// Runs `test` against `server` in a fresh headless Chromium, closing it even when the test
/// fails.
pub async fn run_in_browser<F, Fut>(
    server: Server,
    width: u32,
    height: u32,
    flags: &[&str],
    test: F,
) where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    let driver = Driver::start();
    let client = connect(&driver.url, width, height, flags).await;
    run_and_close(driver, client, server, test).await;
}

/// Runs `test` in the browser `client` drives, against `server`, then closes the browser and
/// its driver, even when the test fails.
async fn run_and_close<F, Fut>(driver: Driver, client: Client, server: Server, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    let outcome = AssertUnwindSafe(test(Page {
        client: client.clone(),
        server,
    }))
    .catch_unwind()
    .await;
    let _ = client.close().await;
    drop(driver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// A desktop-sized window.
pub async fn with_desktop_page<F, Fut>(test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()>,
{
    with_page(1280, 900, test).await
}

async fn connect(driver_url: &str, width: u32, height: u32, flags: &[&str]) -> Client {
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
    .iter()
    .chain(flags)
    .map(|flag| flag.to_string())
    .collect();
    args.push(format!("--window-size={width},{height}"));
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": chrome_path(), "args": args }),
    );
    capabilities.insert("pageLoadStrategy".into(), "eager".into());
    connect_with(driver_url, capabilities).await
}

/// A session on the WebDriver at `driver_url`, which takes a moment to listen.
async fn connect_with(driver_url: &str, capabilities: serde_json::Map<String, Value>) -> Client {
    let mut last_error = String::new();
    for _ in 0..50 {
        match ClientBuilder::rustls()
            .expect("rustls")
            .capabilities(capabilities.clone())
            .connect(driver_url)
            .await
        {
            Ok(client) => return client,
            Err(error) => last_error = error.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not start a browser session: {last_error}");
}

impl Page {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.origin)
    }

    /// Opens `path` and waits until the app runs its page: every part is in and live (the
    /// page it adopted from the HTML, or built itself), or the page shows a load error.
    pub async fn open(&self, path: &str) {
        self.open_before_the_app(path).await;
        self.wait_until_the_app_runs().await;
    }

    pub async fn wait_until_the_app_runs(&self) {
        self.wait_until(
            "the app runs the page",
            "return document.documentElement.hasAttribute('data-app-ready')
                    || !!document.querySelector('.load-error')",
        )
        .await;
    }

    /// Opens `path` and returns as soon as the browser has loaded the document, whatever the
    /// app is doing: for what a reader sees before the app runs.
    pub async fn open_before_the_app(&self, path: &str) {
        self.client.goto(&self.url(path)).await.expect("navigate");
    }

    /// Waits for the first element matching `css` and returns it.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css:?} appeared: {e}"))
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find elements")
    }

    /// Clicks the first element matching `css`, once it appears.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("could not click {css:?}: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("element text")
    }

    /// The text of every element matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.find_all(css).await {
            texts.push(element.text().await.expect("element text"));
        }
        texts
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.attr(name).await.expect("attribute")
    }

    /// Runs `script` in the page and returns its result as JSON.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script {script:?} failed: {e}"))
    }

    /// Presses `keys` (WebDriver key codes, such as [`TAB`]) where focus is, as a keyboard
    /// would.
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("could not press {keys:?}: {e}"));
    }

    /// Presses Tab until the focused element matches `css`, and fails after `limit` presses:
    /// a keyboard reader's way to it.
    pub async fn tab_to(&self, css: &str, limit: usize) {
        for _ in 0..limit {
            self.press(TAB).await;
            let here = self
                .eval(&format!("return document.activeElement.matches({css:?})"))
                .await;
            if here == serde_json::Value::Bool(true) {
                return;
            }
        }
        panic!("{css:?} was not reached with {limit} presses of Tab");
    }

    /// Waits until `script` returns true.
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while tokio::time::Instant::now() < deadline {
            if self.eval(script).await == serde_json::Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("timed out waiting until {what}");
    }
}

pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";

/// A fixture content file, as JSON, for tests that compare the page with it.
pub fn content_json(file: &str) -> serde_json::Value {
    json_file(&fixtures_dir().join("content").join(file))
}

/// The outline (heading ids) of a fixture article, as the app derives it.
pub fn fixture_outline(slug: &str) -> clinic_content::Outline {
    clinic_content::Outline::of(&fixture_article(slug))
}

/// A fixture article, as the app reads it.
pub fn fixture_article(slug: &str) -> clinic_content::Article {
    use clinic_content::load::parse;
    let file = format!("articles/{slug}.json");
    let text = std::fs::read_to_string(fixtures_dir().join("content").join(&file))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    parse(&file, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Every fixture article, in the index's order.
pub fn fixture_articles() -> Vec<clinic_content::Article> {
    content_json("articles.json")["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|summary| fixture_article(summary["slug"].as_str().expect("slug")))
        .collect()
}

/// A shipped content file (`public/content/`), as JSON.
pub fn shipped_content_json(file: &str) -> serde_json::Value {
    json_file(&repo_root().join("public/content").join(file))
}

/// The plain text of a JSON rich-text run.
pub fn plain(inlines: &Value) -> String {
    inlines
        .as_array()
        .expect("rich text is a list")
        .iter()
        .map(|span| {
            let (kind, value) = span
                .as_object()
                .and_then(|o| o.iter().next())
                .expect("a span");
            match kind.as_str() {
                "link" => value["text"].as_str(),
                _ => value.as_str(),
            }
            .expect("span text")
            .to_string()
        })
        .collect()
}

/// Every paragraph and list item of `blocks`, as plain text.
pub fn block_texts(blocks: &Value) -> Vec<String> {
    let mut texts = Vec::new();
    for block in blocks.as_array().into_iter().flatten() {
        if let Some(paragraph) = block.get("paragraph") {
            texts.push(plain(paragraph));
        }
        for kind in ["list", "numbered_list"] {
            for item in block[kind].as_array().into_iter().flatten() {
                texts.push(plain(item));
            }
        }
    }
    texts
}

fn json_file(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct DevToolsCommand {
    method: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

impl Page {
    /// Emulates a CSS media type (`"print"`, or `""` for the default) and media features such
    /// as `[("prefers-contrast", "more")]`.
    pub async fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let features: Vec<serde_json::Value> = features
            .iter()
            .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
            .collect();
        self.devtools(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": media, "features": features }),
        )
        .await;
    }
    async fn devtools(&self, method: &'static str, params: serde_json::Value) -> Value {
        self.client
            .issue_cmd(DevToolsCommand { method, params })
            .await
            .unwrap_or_else(|e| panic!("{method} failed: {e}"))
    }

    /// What assistive technology reads once `ready` holds of it: the tree follows the page a
    /// moment later.
    pub async fn spoken_nodes_once(
        &self,
        what: &str,
        ready: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let nodes = self.spoken_nodes().await;
            if ready(&nodes) {
                return nodes;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out waiting until {what}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The accessibility tree's nodes that assistive technology does not ignore, as
    /// Chromium gives them.
    async fn read_nodes(&self) -> Vec<Value> {
        let tree = self
            .devtools("Accessibility.getFullAXTree", serde_json::json!({}))
            .await;
        let nodes = tree["nodes"].as_array().expect("accessibility nodes");
        nodes
            .iter()
            .filter(|node| node["ignored"] != Value::Bool(true))
            .cloned()
            .collect()
    }

    /// What assistive technology reads: each node it does not ignore, as `{role, name,
    /// expanded}` (`expanded` only where the node has that state).
    pub async fn spoken_nodes(&self) -> Vec<Value> {
        self.read_nodes()
            .await
            .iter()
            .map(|node| {
                let expanded = node["properties"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|p| p["name"] == "expanded")
                    .map(|p| p["value"]["value"].clone());
                serde_json::json!({
                    "role": node["role"]["value"],
                    "name": node["name"]["value"],
                    "expanded": expanded,
                })
            })
            .collect()
    }

    /// The page's accessibility tree as assistive technology reads it: for each node it does
    /// not ignore, the DOM node it stands for, its role and its name.
    pub async fn accessibility_tree(&self) -> Vec<Value> {
        self.read_nodes()
            .await
            .iter()
            .map(|node| {
                serde_json::json!([
                    node["backendDOMNodeId"],
                    node["role"]["value"],
                    node["name"]["value"]
                ])
            })
            .collect()
    }

    /// A viewport of exactly `width` x `height` CSS pixels, as on a phone (window sizes below
    /// Chromium's minimum are not honoured).
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false
            }),
        )
        .await;
    }

    /// Loads everything from the server from now on, as on a first visit: past the HTTP
    /// cache (where hosts let browsers keep the hashed assets for a year) and the service
    /// worker's saved copy.
    pub async fn bypass_cache(&self) {
        self.devtools("Network.enable", serde_json::json!({})).await;
        self.devtools(
            "Network.setCacheDisabled",
            serde_json::json!({ "cacheDisabled": true }),
        )
        .await;
        self.devtools(
            "Network.setBypassServiceWorker",
            serde_json::json!({ "bypass": true }),
        )
        .await;
    }

    /// Takes the browser off the network (`navigator.onLine` false, every request failing)
    /// or puts it back.
    pub async fn set_offline(&self, offline: bool) {
        self.devtools("Network.enable", serde_json::json!({})).await;
        self.devtools(
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1
            }),
        )
        .await;
    }

    /// Clicks the FAQ's first question and checks its answer shows.
    pub async fn assert_the_first_answer_opens(&self) {
        self.click(".faq-question").await;
        assert_eq!(
            self.eval("return document.querySelector('.faq-answer').hidden")
                .await,
            serde_json::Value::Bool(false),
            "the first answer shows"
        );
    }

    /// Waits until the service worker controls the page and has saved the site.
    pub async fn wait_until_saved_for_offline(&self) {
        self.wait_until(
            "the service worker controls the page, and has saved it",
            "const c = navigator.serviceWorker && navigator.serviceWorker.controller;
             return !!c && c.state === 'activated'
               && document.documentElement.hasAttribute('data-saved-for-offline')",
        )
        .await;
    }

    /// Runs `script` in every document this page loads from now on, before the page's own.
    pub async fn before_each_load(&self, script: &str) {
        self.devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": script }),
        )
        .await;
    }

    /// Runs the axe-core audit (WCAG 2.2 A/AA and best practices, with AAA contrast: 7:1,
    /// 4.5:1 for large text, in every reading mode) and returns its violations as
    /// `"rule: target, target…"` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let axe = repo_root().join("tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe)
            .unwrap_or_else(|e| panic!("{axe:?}: {e} (run tools/dev.sh test to install it)"));
        self.eval(&source).await;
        let result = self
            .client
            .execute_async(
                "const [done] = arguments;
                 axe.run(document, {
                   runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                    'wcag22aa', 'best-practice'] },
                   rules: { 'color-contrast-enhanced': { enabled: true } },
                 }).then(r => done(r.violations.map(v =>
                   v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary + ')').join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe ran");
        serde_json::from_value(result).expect("violations")
    }
}
