//! When the app cannot start, the page still works: its files gone after a deploy, or the
//! wasm never arriving, leave the page as it is without scripts (every answer and the
//! contents open, the settings out of view), with nothing a reader would take for a broken
//! page. And on a host that sends no headers, the page carries the security policy itself.

use std::time::Duration;

use serde_json::{json, Value};

use crate::support::{
    site_dir, with_desktop_page, Page, Server, Unknown, RECORD_ERRORS, TRANSITIONS_ENDED, WAIT,
};

/// The app's glue and wasm, as the home page names them (from the site's root).
fn app_files() -> (String, String) {
    let home = std::fs::read_to_string(site_dir().join("index.html")).expect("the home page");
    let attribute = |name: &str| {
        let start = home.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        home[start..]
            .split('"')
            .next()
            .expect("a value")
            .to_string()
    };
    (attribute("data-js"), attribute("data-wasm"))
}

/// What a reader sees once the page is at rest: every answer's text, the contents, the
/// settings button.
async fn what_shows(page: &Page) -> Value {
    page.eval(&format!(
        "const shows = (css) => [...document.querySelectorAll(css)].map(e => e.checkVisibility());
         return {TRANSITIONS_ENDED}.then(() => ({{
           answers: shows('.faq-answer > :first-child'),
           contents: shows('.toc-list'),
           settings: shows('.reading-settings-button'),
         }}));"
    ))
    .await
}

async fn the_page_reads_as_without_scripts(page: &Page, within: Duration) {
    page.wait_until_within(
        "the page shows as without scripts",
        "return document.documentElement.hasAttribute('data-without-app')",
        within,
    )
    .await;
    let shown = what_shows(page).await;
    let answers = shown["answers"].as_array().expect("answers");
    assert!(
        !answers.is_empty() && answers.iter().all(|shows| *shows == json!(true)),
        "every answer shows: {shown}"
    );
    assert_eq!(shown["contents"], json!([true]), "the contents are open");
    assert_eq!(
        shown["settings"],
        json!([false]),
        "the settings are out of view"
    );
    assert!(!page.text("h1").await.is_empty(), "the article is there");
    assert_eq!(page.eval("return __errors").await, json!([]));
}

#[tokio::test]
async fn when_the_apps_files_are_gone_the_page_reads_as_without_scripts() {
    with_desktop_page(|page| async move {
        page.before_each_load(RECORD_ERRORS).await;
        let (glue, _) = app_files();
        page.server.fail(&glue, 404);
        page.open_before_the_app("/").await;
        the_page_reads_as_without_scripts(&page, WAIT).await;
    })
    .await;
}

#[tokio::test]
async fn when_the_wasm_never_arrives_the_page_reads_as_without_scripts() {
    with_desktop_page(|page| async move {
        page.before_each_load(RECORD_ERRORS).await;
        let (_, wasm) = app_files();
        // Held until the test ends: a stalled connection.
        let _stalled = page.server.hold(&wasm);
        page.open_before_the_app("/").await;
        // boot.js waits 15 s for the app, after the page has painted.
        the_page_reads_as_without_scripts(&page, WAIT + Duration::from_secs(15)).await;
    })
    .await;
}

#[tokio::test]
async fn on_a_host_without_headers_the_page_carries_the_security_policy() {
    let folder = tempfile::tempdir().expect("a folder");
    crate::common::copy_dir(site_dir(), folder.path());
    std::fs::remove_file(folder.path().join("_headers")).expect("no headers");
    let server = Server::start_with(folder.path(), "/", Unknown::NotFoundPage);
    crate::support::run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        // The app runs under the policy, and an inline script is refused by it.
        let refused = page
            .client
            .execute_async(
                "const [done] = arguments;
                 document.addEventListener('securitypolicyviolation',
                   e => done(e.violatedDirective), { once: true });
                 const script = document.createElement('script');
                 script.textContent = 'window.__ran = true';
                 document.body.append(script);
                 if (window.__ran) done('ran');",
                vec![],
            )
            .await
            .expect("a script");
        assert_eq!(refused, json!("script-src-elem"));
        let referrer = page
            .eval("return document.querySelector('meta[name=referrer]')?.content")
            .await;
        assert_eq!(referrer, json!("strict-origin-when-cross-origin"));
    })
    .await;
}
