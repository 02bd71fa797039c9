//! One browser on one server, as a test drives it: open an address, find, click, press keys,
//! run a script, wait until something holds.

use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

use super::server::Server;
use super::WAIT;

/// One browser on one server.
pub struct Page {
    pub client: Client,
    pub server: Server,
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

    /// Types `text` into the site's search field, focused as a keyboard reader would.
    pub async fn type_search(&self, text: &str) {
        self.eval("document.querySelector('#site-search-input').focus()")
            .await;
        self.press(text).await;
    }

    /// Searches for `word` and waits until a result links to an address starting with
    /// `href` (an article's, with or without a section).
    pub async fn search_finds(&self, word: &str, href: &str) {
        self.type_search(&format!("{word} ")).await;
        self.wait_until(
            &format!("a search for {word:?} links to {href}"),
            &format!(
                "return [...document.querySelectorAll('.site-search-results a')]
                   .some(a => a.getAttribute('href').startsWith({href:?}))"
            ),
        )
        .await;
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
        self.wait_until_within(what, script, WAIT).await
    }

    /// Waits until `script` returns true, at most `limit`: for what the page itself waits
    /// a while for.
    pub async fn wait_until_within(&self, what: &str, script: &str, limit: Duration) {
        let deadline = tokio::time::Instant::now() + limit;
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
