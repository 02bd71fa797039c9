//! What only Chromium's DevTools give: emulated media and viewports, the network's state,
//! scripts run before each load, the accessibility tree, and the axe-core audit.

use std::time::Duration;

use serde_json::Value;

use super::page::Page;

/// Records script errors, failed promises and console errors, before the page's own scripts
/// (with [`Page::before_each_load`]), in `window.__errors`.
pub const RECORD_ERRORS: &str = "window.__errors = [];
    addEventListener('error', e => __errors.push('error: ' + e.message));
    addEventListener('unhandledrejection', e => __errors.push('rejection: ' + e.reason));
    const consoleError = console.error.bind(console);
    console.error = (...args) => { __errors.push('console: ' + args.join(' ')); consoleError(...args); };";
use super::site::repo_root;
use super::{TRANSITIONS_ENDED, WAIT};

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

    /// What assistive technology reads inside the first node of `role` (such as "banner"), in
    /// reading order: each node it does not ignore, as `{role, name}`.
    pub async fn read_inside(&self, role: &str) -> Vec<Value> {
        let tree = self
            .devtools("Accessibility.getFullAXTree", serde_json::json!({}))
            .await;
        let nodes = tree["nodes"].as_array().expect("accessibility nodes");
        let by_id: std::collections::HashMap<&str, &Value> = nodes
            .iter()
            .filter_map(|node| Some((node["nodeId"].as_str()?, node)))
            .collect();
        let start = nodes
            .iter()
            .find(|node| node["role"]["value"] == role && node["ignored"] != Value::Bool(true))
            .unwrap_or_else(|| panic!("no {role} in the page"));
        let mut read = Vec::new();
        let mut next = vec![start];
        while let Some(node) = next.pop() {
            if node["ignored"] != Value::Bool(true) {
                read.push(serde_json::json!({
                    "role": node["role"]["value"],
                    "name": node["name"]["value"],
                }));
            }
            let children = node["childIds"].as_array().into_iter().flatten();
            let children: Vec<&Value> = children
                .filter_map(|id| by_id.get(id.as_str()?).copied())
                .collect();
            next.extend(children.into_iter().rev());
        }
        read
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

    /// Touch as on a phone from now on: taps, and the page's `(pointer: coarse)`.
    pub async fn enable_touch(&self) {
        self.devtools(
            "Emulation.setTouchEmulationEnabled",
            serde_json::json!({ "enabled": true, "maxTouchPoints": 1 }),
        )
        .await;
    }

    /// A finger's tap at `x`, `y` (CSS pixels in the window).
    pub async fn tap(&self, x: f64, y: f64) {
        for (kind, points) in [
            ("touchStart", serde_json::json!([{ "x": x, "y": y }])),
            ("touchEnd", serde_json::json!([])),
        ] {
            self.devtools(
                "Input.dispatchTouchEvent",
                serde_json::json!({ "type": kind, "touchPoints": points }),
            )
            .await;
        }
    }

    /// The site unreachable and the browser offline: no request can reach the network.
    pub async fn cut_the_network(&self) {
        self.server.go_down();
        self.set_offline(true).await;
    }

    /// The site and the network back.
    pub async fn restore_the_network(&self) {
        self.server.clear();
        self.set_offline(false).await;
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
                &format!("const [done] = arguments;
                 {TRANSITIONS_ENDED}.then(() => axe.run(document, {{
                   runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                    'wcag22aa', 'best-practice'] }},
                   rules: {{ 'color-contrast-enhanced': {{ enabled: true }} }},
                 }})).then(r => done(r.violations.map(v =>
                   v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary + ')').join(', '))))
                   .catch(e => done(['axe failed: ' + e]));"),
                vec![],
            )
            .await
            .expect("axe ran");
        serde_json::from_value(result).expect("violations")
    }
}
