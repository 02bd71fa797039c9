//! Static hosting: the release build under a sub-path, on a host that serves each folder's
//! `index.html` and answers unknown paths with `404.html`, as GitHub Pages, Netlify,
//! Cloudflare Pages, S3 and nginx do without rewrite rules.

use clinic_app::contract::PAGE_CONTENT_ATTRIBUTE;
use clinic_content::language::translations_file;
use clinic_content::words::locale_file;
use clinic_content::SiteSettings;
use serde_json::json;

use crate::support::{
    article_file, body_blocks, content_json, fixture_outline, home_slug, longest_word, other_slug,
    run_in_browser, shipped_site_dir, shows_title, site_dir, spans, sub_path_site_dir, title_of,
    Page, Server, Unknown, SUB_PATH,
};

/// The home article's own address, relative to the site's base.
fn article() -> String {
    format!("articles/{}", home_slug())
}

async fn on_sub_path_host<F, Fut>(test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let server = Server::start_with(sub_path_site_dir(), SUB_PATH, Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], test).await
}

async fn shows_the_article(page: &Page) {
    page.wait_until("the article renders", &shows_title(&title_of(&home_slug())))
        .await;
    page.wait_until_the_app_runs().await;
}

#[tokio::test]
async fn under_a_sub_path_every_asset_content_file_and_link_resolves_from_the_base() {
    on_sub_path_host(|page| async move {
        page.open(SUB_PATH).await;
        shows_the_article(&page).await;
        // The readable font too, which the inlined stylesheet names relative to the base.
        let faces = page
            .eval(
                "return document.fonts.load('16px \"Atkinson Hyperlegible\"').then(f => f.length)",
            )
            .await;
        assert_eq!(
            faces,
            json!(1),
            "the readable font loads under the sub-path"
        );
        // Search too: its worker, and the index it fetches from the base.
        page.search_finds(
            &longest_word(&title_of(&home_slug())),
            &format!("{SUB_PATH}{}/", article()),
        )
        .await;
        let outside = page
            .eval(&format!(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                    .filter(p => !p.startsWith({SUB_PATH:?}))"
            ))
            .await;
        assert_eq!(
            outside,
            json!([]),
            "everything loads from under the sub-path"
        );
        let loaded = page
            .eval("return performance.getEntriesByType('resource').map(e => e.name)")
            .await
            .to_string();
        for part in [".wasm", "images/fixture-hero.svg"] {
            assert!(loaded.contains(part), "{part} in {loaded}");
        }
        assert_eq!(
            page.attr(".site-name", "href").await.as_deref(),
            Some(SUB_PATH)
        );
        let contents = page
            .eval(&format!(
                "return [...document.querySelectorAll('.toc-list a')]
                    .every(a => a.getAttribute('href').startsWith({SUB_PATH:?} + '#'))"
            ))
            .await;
        assert_eq!(contents, json!(true), "the contents link into this page");
    })
    .await;
}

#[tokio::test]
async fn under_a_sub_path_an_article_address_answers_200_and_scrolls_to_its_section() {
    on_sub_path_host(|page| async move {
        page.open(SUB_PATH).await;
        shows_the_article(&page).await;
        let article = article();
        for address in [
            format!("{SUB_PATH}{article}"),
            format!("{SUB_PATH}{article}/"),
        ] {
            let status = page
                .eval(&format!("return fetch({address:?}).then(r => r.status)"))
                .await;
            assert_eq!(status, json!(200), "{address}: the article's own page");
        }
        // The last section: far down the page.
        let outline = fixture_outline(&home_slug());
        let far_down = &outline.sections.last().expect("sections").id;
        page.open(&format!("{SUB_PATH}{article}#{far_down}")).await;
        shows_the_article(&page).await;
        page.wait_until(
            "the section is scrolled into view",
            &format!(
                "const r = document.getElementById({far_down:?}).getBoundingClientRect();
                 return scrollY > 100 && r.top >= 0 && r.top < innerHeight / 2"
            ),
        )
        .await;

        // In-page links keep the article's address: never the base's.
        let path = format!("{SUB_PATH}{article}/");
        let faq = fixture_outline(&home_slug())
            .faq
            .expect("the fixture has an FAQ")
            .id;
        page.click(&format!("nav.toc a[href$='#{faq}']")).await;
        page.wait_until(
            "the address names the FAQ on this page",
            &format!("return location.pathname === {path:?} && location.hash === '#{faq}'"),
        )
        .await;
        page.eval("document.querySelector('.skip-link a').click()")
            .await;
        assert_eq!(page.eval("return location.pathname").await, json!(path));
        assert_eq!(
            page.eval("return document.activeElement.id").await,
            json!("main-content")
        );
    })
    .await;
}

#[tokio::test]
async fn under_a_sub_path_an_unknown_address_shows_not_found_linking_home() {
    on_sub_path_host(|page| async move {
        page.open(&format!("{SUB_PATH}no/such/page")).await;
        assert_eq!(page.text("h1").await, "Page not found");
        assert_eq!(
            page.attr(".not-found a", "href").await.as_deref(),
            Some(SUB_PATH)
        );
        page.click(".not-found a").await;
        shows_the_article(&page).await;
    })
    .await;
}

#[tokio::test]
async fn at_the_root_an_article_address_renders_without_rewrite_rules() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open(&format!("/{}", article())).await;
        shows_the_article(&page).await;
    })
    .await;
}

#[tokio::test]
async fn the_shipped_content_security_policy_blocks_nothing_the_app_needs() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.before_each_load(
            "window.__blocked = [];
             document.addEventListener('securitypolicyviolation',
               e => __blocked.push(e.violatedDirective + ' ' + e.blockedURI));",
        )
        .await;
        page.open("/").await;
        shows_the_article(&page).await;
        let policy = page
            .eval("return fetch('/').then(r => r.headers.get('content-security-policy'))")
            .await;
        let policy = policy.as_str().expect("the site is served with a CSP");
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        // Use the parts that load more: the readable font, the FAQ, the settings.
        page.click(".reading-settings-button").await;
        page.eval(
            "[...document.querySelectorAll('#reading-settings button')]
               .find(b => b.textContent.endsWith('Readable font')).click();
             document.querySelector('.faq-question').click()",
        )
        .await;
        page.wait_until(
            "the font is in use",
            "return document.fonts.check('16px \"Atkinson Hyperlegible\"')",
        )
        .await;
        // And search, which starts a worker of its own wasm.
        page.search_finds(
            &longest_word(&title_of(&home_slug())),
            &format!("/{}/", article()),
        )
        .await;
        assert_eq!(page.eval("return __blocked").await, json!([]));
        // The one inline script is the reading settings, which ran under the policy above.
        assert_eq!(
            page.eval(
                "return [...document.querySelectorAll('script:not([src])')]
                .filter(script => !script.type || script.type === 'text/javascript').length"
            )
            .await,
            json!(1),
            "one inline script"
        );
        assert!(policy.contains("'sha256-"), "{policy}");
    })
    .await;
}

#[tokio::test]
async fn a_pre_rendered_page_requests_no_content_and_downloads_the_app_from_its_head() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        shows_the_article(&page).await;
        let timing = page
            .eval(
                "const entries = performance.getEntriesByType('resource');
                 const wasm = entries.filter(e => e.name.endsWith('.wasm'));
                 const glue = entries.filter(e => /\\/assets\\/[^/]*\\.js$/.test(e.name));
                 const preload = document.querySelector('link[rel=preload][as=fetch]');
                 const shell = document.querySelector('script[data-shell-wasm]')?.dataset.shellWasm;
                 return {
                   content: entries.filter(e => e.name.includes('/content/')).length,
                   wasm: wasm.map(e => e.initiatorType),
                   shellNamedNotFetched: !!shell &&
                     !wasm.some(e => new URL(e.name).pathname === shell),
                   glue: glue.length,
                   wasmPriority: preload && new URL(preload.href).pathname ===
                     new URL(wasm[0].name).pathname ? preload.fetchPriority : null,
                 }",
            )
            .await;
        assert_eq!(
            timing,
            json!({
                "content": 0,
                "wasm": ["link"],
                "shellNamedNotFetched": true,
                "glue": 1,
                "wasmPriority": "low",
            }),
            "the page carries its content; the wasm of the app that adopts it downloads once, \
             from the preload in its head at low priority (behind the page's images), its glue \
             once, and the app's shell not at all"
        );
    })
    .await;
}

#[tokio::test]
async fn the_apps_shell_downloads_its_content_side_by_side_with_the_wasm() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    server.serve_the_shell();
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        shows_the_article(&page).await;
        // Each file's request start against the moment the wasm finished downloading, by path
        // (the browser lists them in the order they finished).
        let timing = page
            .eval(
                "const entries = performance.getEntriesByType('resource');
                 const wasm = entries.find(e => e.name.endsWith('.wasm'));
                 return entries.filter(e => /\\/content\\//.test(e.name))
                   .map(e => [new URL(e.name).pathname, e.startTime < wasm.responseEnd])
                   .sort((a, b) => (a[0] < b[0] ? -1 : 1));",
            )
            .await;
        // The library only for cards of related posts that are articles here, once the
        // article says which.
        let article = crate::support::fixture_article(&home_slug());
        let index = crate::support::content_json("articles.json");
        let local_related = article.related.iter().any(|post| {
            index["articles"]
                .as_array()
                .is_some_and(|list| list.iter().any(|a| a["slug"] == post.slug.as_str()))
        });
        let mut expected = vec![
            json!(["/content/articles.json", true]),
            json!([article_file(&home_slug()), false]),
        ];
        // Beside the article, its versions in other languages (none: an answer of 404).
        let original = article.translation_of.clone().unwrap_or(home_slug());
        let translations = json!([format!("/{}", translations_file(&original)), false]);
        if local_related {
            expected.push(json!(["/content/library.json", false]));
        }
        // No table of the interface's words: the shell carries the site language's, which
        // is the article's.
        expected.push(json!(["/content/site.json", true]));
        expected.push(translations);
        assert_eq!(
            timing,
            json!(expected),
            "the site files started before the wasm arrived, and each was fetched once"
        );
    })
    .await;
}

#[test]
fn every_build_ships_the_apps_shell_and_each_page_without_the_shells_own_parts() {
    let dist = shipped_site_dir();
    let read = |page: &str| {
        std::fs::read_to_string(dist.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
    };
    let shell = read("app.html");
    assert!(
        shell.contains("class=\"page-loader\""),
        "the shell shows the loader"
    );
    for page_only in ["data-page-path=", " data-page-head "] {
        assert!(
            !shell.contains(page_only),
            "the shell names no page: {page_only}"
        );
    }
    let site: SiteSettings =
        serde_json::from_str(&read("content/site.json")).expect("the site's settings");
    let any_content = format!("{PAGE_CONTENT_ATTRIBUTE}=\"");
    let the_table = format!("{any_content}{}\"", locale_file(site.language()));
    assert_eq!(
        (
            shell.matches(&any_content).count(),
            shell.matches(&the_table).count()
        ),
        (1, 1),
        "the shell carries the table of its words, and no other content"
    );
    let home = content_json_shipped_home();
    for page in [
        "index.html".to_string(),
        "404.html".to_string(),
        format!("articles/{home}/index.html"),
    ] {
        let html = read(&page);
        assert!(html.contains(" data-page-path="), "{page} is pre-rendered");
        assert!(
            !html.contains("data-app-shell"),
            "{page} leaves out the shell's own parts"
        );
        assert!(
            !html.contains("class=\"page-loader\""),
            "{page} shows no loader"
        );
    }
}

fn content_json_shipped_home() -> String {
    crate::support::shipped_content_json("articles.json")["home"]
        .as_str()
        .expect("home")
        .to_string()
}

#[tokio::test]
async fn under_a_sub_path_a_link_to_a_path_of_the_site_stays_under_it() {
    on_sub_path_host(|page| async move {
        let other = other_slug();
        let article = content_json(&format!("articles/{other}.json"));
        let site_paths: Vec<String> = spans(&body_blocks(&article), &["link"])
            .iter()
            .filter_map(|span| span["link"]["href"].as_str())
            .filter(|href| href.starts_with('/'))
            .map(|href| format!("{SUB_PATH}{}", &href[1..]))
            .collect();
        assert!(
            !site_paths.is_empty(),
            "the fixture links to a path of the site"
        );
        let hrefs = "return [...document.querySelectorAll('.article-body :is(p, li) a')]
                       .map(a => a.getAttribute('href'))";
        // As pre-rendered, and once the app runs.
        page.open_before_the_app(&format!("{SUB_PATH}articles/{other}/"))
            .await;
        let before = page.eval(hrefs).await;
        page.wait_until_the_app_runs().await;
        for shown in [before, page.eval(hrefs).await] {
            for path in &site_paths {
                assert!(
                    shown
                        .as_array()
                        .is_some_and(|all| all.contains(&json!(path))),
                    "{path}: {shown}"
                );
            }
        }
        let status = page
            .eval(&format!(
                "return fetch({:?}).then(r => r.status)",
                site_paths[0]
            ))
            .await;
        assert_eq!(status, json!(200), "it leads to a page of the site");
    })
    .await;
}
