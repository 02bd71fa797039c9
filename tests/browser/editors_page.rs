//! The editors' page (`admin/`): Decap CMS, served by the site itself, on the CMS's local
//! server (decap-server, as `tools/dev.sh edit` runs it) over a project of the fixture's
//! Markdown articles and site settings. An editor sees the articles, changes a title, sees
//! the preview in the site's stylesheet, saves, and the Markdown file says the new title
//! with nothing else lost. Without the CMS in the build, the page says so.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;

use clinic_content::load::{EDITORS_DIR, SITE_FILE};
use clinic_editor::cms::CONFIG_FILE;
use clinic_editor::markdown::read_article;
use clinic_editor::sources::SOURCES_DIR;

use crate::common::copy_dir;
use crate::support::{
    fixtures_dir, repo_root, run_in_browser, site_dir, Page, Server, RECORD_ERRORS, WAIT,
};

/// The CMS's local server, as `tools/dev.sh edit` runs it, stopped when dropped.
struct LocalServer {
    process: Child,
    port: u16,
}

impl LocalServer {
    /// Starts decap-server (from the set-up's npm packages) over `project`, and waits until
    /// it listens.
    fn start(project: &Path) -> LocalServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let process = Command::new("node")
            .arg(repo_root().join("tools/node_modules/decap-server/dist/index.js"))
            .env("PORT", port.to_string())
            .env("BIND_HOST", "127.0.0.1")
            .env("MODE", "fs")
            .env("GIT_REPO_DIRECTORY", project)
            .env("LOG_LEVEL", "error")
            .current_dir(project)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("run decap-server (tools/dev.sh setup installs it)");
        let server = LocalServer { process, port };
        let deadline = std::time::Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "decap-server never listened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// A project as an editor's computer has it: the fixture's Markdown articles and site
/// settings, where the configuration says they are.
fn project(folder: &Path) -> PathBuf {
    let project = folder.join("project");
    copy_dir(&fixtures_dir().join("markdown"), &project.join(SOURCES_DIR));
    let settings = project.join("public").join(SITE_FILE);
    std::fs::create_dir_all(settings.parent().expect("a folder")).expect("a folder");
    std::fs::copy(fixtures_dir().join(SITE_FILE), settings).expect("copy the settings");
    project
}

/// A copy of the fixture site whose editors' page talks to the local server on `port`.
fn site_for_local_server(folder: &Path, port: u16) -> PathBuf {
    let site = folder.join("site");
    copy_dir(site_dir(), &site);
    let config = site.join(CONFIG_FILE.trim_start_matches("public/"));
    let text = std::fs::read_to_string(&config).expect("the configuration");
    let text = text.replace(
        "local_backend: true",
        &format!("local_backend:\n  url: http://localhost:{port}/api/v1"),
    );
    std::fs::write(&config, text).expect("write the configuration");
    site
}

/// The first element whose own text is `text`, with the `role` (a `button` element
/// counts as one).
async fn by_role(page: &Page, role: &str, text: &str) -> fantoccini::elements::Element {
    let xpath =
        format!("//*[(@role='{role}' or local-name()='{role}') and normalize-space()='{text}']");
    page.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no {role} {text:?} appeared: {e}"))
}

#[tokio::test]
async fn an_editor_changes_a_title_in_the_browser_and_the_markdown_says_it() {
    let folder = tempfile::tempdir().expect("a folder");
    let project = project(folder.path());
    let local = LocalServer::start(&project);
    let site = site_for_local_server(folder.path(), local.port);
    let markdown_file = project.join(SOURCES_DIR).join("stretching-at-your-desk.md");
    let before = std::fs::read_to_string(&markdown_file).expect("the Markdown");
    let images = fixtures_dir();
    let name = "stretching-at-your-desk";
    let article = read_article(&before, name, &images).expect("the fixture reads");

    let published: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(site.join("published.json")).expect("published.json"),
    )
    .expect("JSON");
    let listed = published["files"].as_object().expect("files");
    assert!(
        !listed.keys().any(|file| file.starts_with(EDITORS_DIR)),
        "readers' devices never save the editors' page"
    );

    let server = Server::start(&site);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.before_each_load(&format!(
            "{RECORD_ERRORS}
            document.addEventListener('securitypolicyviolation',
                e => __errors.push('blocked: ' + e.violatedDirective + ' ' + e.blockedURI));"
        ))
        .await;
        page.open_before_the_app(&format!("/{EDITORS_DIR}")).await;
        by_role(&page, "button", "Login").await.click().await.expect("log in");

        // The list of articles: each Markdown article by its title (then its category and
        // date).
        page.wait_until(
            "the articles are listed",
            "return document.querySelectorAll('a[href*=\"/collections/articles/entries/\"] h2').length > 0",
        )
        .await;
        let listed = page
            .texts("a[href*=\"/collections/articles/entries/\"] h2")
            .await;
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert!(listed[0].starts_with(&article.title), "{listed:?}");

        page.click("a[href*=\"/collections/articles/entries/\"]").await;
        let title_id = "[...document.querySelectorAll('label')]
            .find(label => label.textContent.trim() === 'Title')?.htmlFor";
        page.wait_until(
            "the title's field shows",
            &format!("return !!document.getElementById({title_id})"),
        )
        .await;
        let id = page.eval(&format!("return {title_id}")).await;
        let field = page
            .find(&format!("#{}", id.as_str().expect("an id")))
            .await;
        field.click().await.expect("focus the title");
        // End, then the words added.
        field
            .send_keys("\u{E010}, Corrected")
            .await
            .expect("type into the title");
        let corrected = format!("{}, Corrected", article.title);

        // The preview: the article as the site shows it, in the site's own stylesheet.
        page.wait_until(
            "the preview shows the new title in the site's stylesheet",
            &format!(
                "const frame = document.querySelector('iframe');
                 const preview = frame && frame.contentDocument;
                 const sheet = preview && [...preview.styleSheets]
                     .find(sheet => sheet.href && sheet.href.endsWith('/site.css'));
                 return !!sheet && sheet.cssRules.length > 0
                     && preview.querySelector('.article-header h1')?.textContent === {corrected:?}"
            ),
        )
        .await;

        by_role(&page, "button", "Publish").await.click().await.expect("open Publish");
        by_role(&page, "menuitem", "Publish now")
            .await
            .click()
            .await
            .expect("publish");
        let deadline = tokio::time::Instant::now() + WAIT;
        // The editors' server writes the file in place: it may be read half written, so
        // the save has arrived once the file has changed and reads whole.
        let (after, saved) = loop {
            let text = std::fs::read_to_string(&markdown_file).expect("the Markdown");
            let read = read_article(&text, name, &images);
            if text != before {
                if let Ok(saved) = read {
                    break (text, saved);
                }
            }
            if tokio::time::Instant::now() >= deadline {
                let shown = page.eval("return document.body.innerText").await;
                panic!("the save never reached the file whole ({read:?}); the page shows: {shown}\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };

        // The new title, and nothing else changed: the address stays (links to it keep
        // working), and the text is as the editor left it.
        assert_eq!(saved.title, corrected);
        let mut expected = article.clone();
        expected.title = corrected;
        assert_eq!(saved, expected);
        let body = |text: &str| text.split("\n---\n").nth(1).map(str::trim).map(String::from);
        assert_eq!(body(&after), body(&before), "the text is kept as typed");

        assert_eq!(page.eval("return window.__errors").await, json!([]));
    })
    .await;
}

#[tokio::test]
async fn without_the_cms_in_the_build_the_editors_page_says_so() {
    let folder = tempfile::tempdir().expect("a folder");
    let site = folder.path().join("site");
    copy_dir(site_dir(), &site);
    std::fs::remove_file(site.join(EDITORS_DIR).join("decap-cms.js")).expect("remove the CMS");
    run_in_browser(Server::start(&site), 1280, 900, &[], |page| async move {
        page.open_before_the_app(&format!("/{EDITORS_DIR}")).await;
        page.wait_until(
            "the page says the editor is missing",
            "return !document.getElementById('editor-missing').hidden",
        )
        .await;
        assert!(page
            .text("#editor-missing h1")
            .await
            .contains("not part of this build"));
        assert_eq!(page.axe_violations().await, Vec::<String>::new());
    })
    .await;
}
