//! The browsers: headless Chromium through chromedriver for every test, and Firefox and
//! WebKit for the core journeys, each started for one test with its own temporary files, and
//! closed even when the test fails.

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::panic::AssertUnwindSafe;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use futures::FutureExt;
use serde_json::Value;

use super::page::Page;
use super::server::{Server, Unknown};
use super::site::site_dir;

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
