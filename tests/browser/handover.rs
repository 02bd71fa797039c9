//! Every address arrives as its own page, pre-rendered at build time, readable before the app
//! runs and without JavaScript; the app then adopts that page in place, and whatever the
//! reader did meanwhile stays as it was. The app's download is held back by the test server
//! until the test releases it, so "before the app runs" does not depend on the machine's
//! speed.

use clinic_app::contract::PAGE_CONTENT_ATTRIBUTE;
use clinic_content::language::same_language;
use clinic_content::words::Word;
use serde_json::{json, Value};

use crate::support::{
    content_json, fixture_outline, home_slug, other_slug, run_in_browser, site_dir, title_of,
    with_browser, with_desktop_page, with_page, Page, Server, Unknown,
};

/// Records, before the page's own scripts run, every layout shift once the HTML is parsed
/// and what each animation frame (the moment before a paint) found in the page: the headings
/// a reader could see, and whether the loader showed.
const RECORDER: &str = "
    // These tests hold the app back for as long as their checks take, which on a busy
    // machine can pass boot.js's start limit (meant for stalled connections): the page would
    // then turn into its without-scripts form mid-test. Long timers wait for good here.
    const wait = window.setTimeout;
    window.setTimeout = (run, ms, ...rest) => wait(run, ms >= 10000 ? 2147483647 : ms, ...rest);
    window.__shifts = [];
    window.__shiftSources = [];
    // Shifts once the HTML is parsed and drawn whole: on a starved machine the browser may
    // paint a page it has parsed only in part (the header's actions still to come), and the
    // frame after the parse shows the rest, which no app changes.
    let drawnWhole = Infinity;
    document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() =>
      requestAnimationFrame(() => { drawnWhole = performance.now(); })));
    const parsed = () => drawnWhole;
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput || entry.startTime < parsed()) continue;
        __shifts.push(entry.value);
        const rect = r => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        __shiftSources.push(...entry.sources.map(source => (source.node
          ? `${source.node.nodeName}.${source.node.className || ''}` : '(gone)')
          + ` ${rect(source.previousRect)} to ${rect(source.currentRect)}`));
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.__frames = [];
    (function frame() {
      __frames.push({
        title: !!document.querySelector('#app h1'),
        faq: !!document.querySelector('#app .faq'),
        footer: !!document.querySelector('#app .site-footer'),
        loader: !!document.querySelector('.page-loader'),
        seen: [...document.querySelectorAll('h1')]
          .filter(h1 => h1.checkVisibility())
          .map(h1 => h1.textContent),
      });
      if (__frames.length < 2000) requestAnimationFrame(frame);
    })();";

/// Keeps every element of the page as it is now, to check later that the app kept them.
const KEEP_NODES: &str = "window.__kept = [...document.querySelectorAll('#app *')];
    return __kept.length";

/// How many of the kept elements are still in the document.
const NODES_STILL_THERE: &str = "return __kept.filter(node => node.isConnected).length";

/// The id of the home article's `index`th section.
fn section_id(index: usize) -> String {
    fixture_outline(&home_slug()).sections[index].id.clone()
}

/// The id of the home article's first FAQ question.
fn question_id() -> String {
    fixture_outline(&home_slug())
        .faq
        .expect("the fixture has an FAQ")
        .children[0]
        .id
        .clone()
}

/// What readers could see in the frames drawn so far: the distinct lists of visible titles.
async fn titles_seen(page: &Page) -> Vec<Value> {
    let frames = page.eval("return __frames.map(frame => frame.seen)").await;
    let mut seen: Vec<Value> = Vec::new();
    for titles in frames.as_array().expect("frames") {
        if seen.last() != Some(titles) {
            seen.push(titles.clone());
        }
    }
    seen
}

/// The sum of the layout shifts so far, once two more frames have been drawn.
async fn layout_shift(page: &Page) -> f64 {
    page.eval(
        "return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
           done(__shifts.reduce((sum, value) => sum + value, 0)))))",
    )
    .await
    .as_f64()
    .expect("a number")
}

/// Whether the app runs the page yet.
async fn app_runs(page: &Page) -> bool {
    page.eval("return document.documentElement.hasAttribute('data-app-ready')")
        .await
        == Value::Bool(true)
}

#[tokio::test]
async fn every_address_shows_its_own_page_before_the_app_and_the_app_keeps_its_nodes() {
    let section = section_id(1);
    let addresses = [
        ("/".to_string(), title_of(&home_slug())),
        (
            format!("/articles/{}/", other_slug()),
            title_of(&other_slug()),
        ),
        (format!("/#{section}"), title_of(&home_slug())),
        (
            "/articles/".to_string(),
            crate::support::word(Word::HealthLibrary),
        ),
        ("/no/such/page".to_string(), "Page not found".to_string()),
    ];
    for (address, title) in addresses {
        let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
        run_in_browser(server, 1280, 900, &[], |page| async move {
            page.before_each_load(RECORDER).await;
            let app = page.server.hold(".wasm");
            page.open_before_the_app(&address).await;
            page.find("h1").await;
            assert!(!app_runs(&page).await, "{address}: the app is held back");
            assert_eq!(
                titles_seen(&page).await.last(),
                Some(&json!([title])),
                "{address}: its own page, before the app"
            );
            let kept = page.eval(KEEP_NODES).await;
            let read_before = page.accessibility_tree().await;
            app.release();
            page.wait_until_the_app_runs().await;
            assert_eq!(
                page.eval(NODES_STILL_THERE).await,
                kept,
                "{address}: the app adopted the page's elements instead of replacing them"
            );
            // What a screen reader reads, node by node: the same nodes, roles and names, so
            // its reading position stays where it was.
            assert_eq!(
                page.accessibility_tree().await,
                read_before,
                "{address}: the accessibility tree is the one the reader was reading"
            );
            assert_eq!(
                titles_seen(&page).await,
                vec![json!([]), json!([title])],
                "{address}: one title throughout, never two, never none"
            );
            let loader = page
                .eval("return __frames.some(frame => frame.loader)")
                .await;
            assert_eq!(loader, Value::Bool(false), "{address}: never a loader");
            assert_eq!(
                layout_shift(&page).await,
                0.0,
                "{address}: what moved: {}",
                page.eval("return __shiftSources").await
            );
        })
        .await;
    }
}

#[tokio::test]
async fn what_the_reader_did_before_the_app_ran_is_as_they_left_it() {
    with_desktop_page(|page| async move {
        // A reader who closed the announcement on an earlier visit.
        page.open("/").await;
        page.click(".announcement-dismiss").await;

        page.bypass_cache().await;
        let app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        page.find(".toc-list a").await;
        let before = page
            .eval(
                "const link = document.querySelectorAll('.toc-list a')[2];
                 link.focus();
                 window.__focused = link;
                 window.scrollTo(0, 900);
                 const words = document.querySelectorAll('.article-body p')[3].firstChild;
                 getSelection().setBaseAndExtent(words, 0, words, 12);
                 return { y: scrollY, selected: getSelection().toString(),
                          banner: document.querySelector('.announcement').checkVisibility() }",
            )
            .await;
        assert_eq!(
            before["banner"],
            json!(false),
            "the closed announcement stays closed"
        );
        let kept = page.eval(KEEP_NODES).await;
        app.release();
        page.wait_until_the_app_runs().await;
        let after = page
            .eval(
                "return { y: scrollY, selected: getSelection().toString(),
                          focused: document.activeElement === __focused,
                          banner: !!document.querySelector('.announcement')
                                  && document.querySelector('.announcement').checkVisibility() }",
            )
            .await;
        assert_eq!(after["y"], before["y"], "the same scroll position");
        assert_eq!(after["selected"], before["selected"], "the same selection");
        assert_eq!(after["focused"], json!(true), "the same element focused");
        assert_eq!(
            after["banner"],
            json!(false),
            "the announcement never pops in"
        );
        let still_there = page.eval(NODES_STILL_THERE).await.as_u64().expect("count");
        let kept = kept.as_u64().expect("count");
        // The app removes the closed announcement, nothing else.
        assert!(
            still_there < kept && still_there + 10 > kept,
            "{still_there} of {kept} elements kept"
        );
        // And it is the app's page: the focused contents link works.
        let target = page
            .eval("return new URL(document.activeElement.href).hash.slice(1)")
            .await;
        page.eval("document.activeElement.click()").await;
        page.wait_until(
            "the contents link moves focus to its section",
            &format!("return document.activeElement.id === {target}"),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_new_announcement_shows_to_a_reader_who_closed_the_last_one() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        page.eval(
            "localStorage.setItem('clinic-article:v1:announcement-dismissed', 'An older notice')",
        )
        .await;
        page.before_each_load(RECORDER).await;
        page.bypass_cache().await;
        let app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        let shown = "return document.querySelector('.announcement')?.checkVisibility() === true";
        assert_eq!(page.eval(shown).await, Value::Bool(true), "before the app");
        app.release();
        page.wait_until_the_app_runs().await;
        assert_eq!(page.eval(shown).await, Value::Bool(true), "with the app");
        assert_eq!(
            layout_shift(&page).await,
            0.0,
            "it never came and went: {}",
            page.eval("return __shiftSources").await
        );
    })
    .await;
}

#[tokio::test]
async fn an_answer_and_a_button_pressed_before_the_app_are_open_once_it_runs() {
    with_desktop_page(|page| async move {
        let app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        // The last button pressed before the app runs is pressed again by the app.
        page.click(".faq-question").await;
        page.click(".reading-settings-button").await;
        app.release();
        page.wait_until_the_app_runs().await;
        let state = page
            .eval(
                "const button = document.querySelector('.reading-settings-button');
                 return {
                   expanded: button.getAttribute('aria-expanded'),
                   panel: document.getElementById('reading-settings').checkVisibility(),
                   focused: document.activeElement === button,
                 }",
            )
            .await;
        assert_eq!(
            state,
            json!({ "expanded": "true", "panel": true, "focused": true }),
            "the early press opened the panel, and focus is where the reader left it"
        );
        page.click("#reading-settings .reading-settings-actions button:last-child")
            .await;
        // And the rest of the app works.
        page.assert_the_first_answer_opens().await;
    })
    .await;
}

#[tokio::test]
async fn a_page_whose_carried_content_is_damaged_is_built_by_the_apps_shell() {
    let home = std::fs::read_to_string(site_dir().join("index.html")).expect("the home page");
    let carried = format!(
        "{PAGE_CONTENT_ATTRIBUTE}=\"{}\">",
        clinic_content::load::article_file(&home_slug())
    );
    assert!(home.contains(&carried), "the home page carries its article");
    let damaged = home.replacen(&carried, &format!("{carried}!"), 1);
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    server.replace("/", damaged);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        assert_eq!(page.texts("h1").await, vec![title_of(&home_slug())]);
        let programs = page
            .eval(
                "const wasm = performance.getEntriesByType('resource')
                   .map(e => new URL(e.name).pathname).filter(p => p.endsWith('.wasm'));
                 const script = document.querySelector('script[data-wasm]');
                 return {
                   page: wasm.includes(script.dataset.wasm),
                   shell: wasm.includes(script.dataset.shellWasm),
                   ready: document.documentElement.hasAttribute('data-app-ready'),
                 }",
            )
            .await;
        assert_eq!(
            programs,
            json!({ "page": true, "shell": true, "ready": true }),
            "the page's app could not read what the page carries, so the app's shell built \
             the page from the content files"
        );
    })
    .await;
}

#[tokio::test]
async fn a_section_address_lands_at_its_section_before_the_app_and_stays_there() {
    with_desktop_page(|page| async move {
        let section = section_id(2);
        let app = page.server.hold(".wasm");
        page.open_before_the_app(&format!("/#{section}")).await;
        page.wait_until(
            "the browser scrolls to the section",
            &format!(
                "const top = document.getElementById({section:?}).getBoundingClientRect().top;
                 return scrollY > 0 && top >= 0 && top < 200"
            ),
        )
        .await;
        // The reader reads on a little before the app arrives.
        let y = page.eval("window.scrollBy(0, 200); return scrollY").await;
        app.release();
        page.wait_until_the_app_runs().await;
        assert_eq!(
            page.eval("return scrollY").await,
            y,
            "the app does not pull the reader back"
        );
    })
    .await;
}

#[tokio::test]
async fn a_question_address_lands_at_its_question_and_the_app_opens_its_answer() {
    with_desktop_page(|page| async move {
        let question = question_id();
        let app = page.server.hold(".wasm");
        page.open_before_the_app(&format!("/#{question}")).await;
        page.wait_until(
            "the browser scrolls to the question",
            &format!(
                "const top = document.getElementById({question:?}).getBoundingClientRect().top;
                 return scrollY > 0 && top >= 0 && top < innerHeight"
            ),
        )
        .await;
        app.release();
        page.wait_until_the_app_runs().await;
        page.wait_until(
            "its answer opens",
            &format!(
                "const button = document.getElementById({question:?});
                 return button.getAttribute('aria-expanded') === 'true'
                   && !document.getElementById(button.getAttribute('aria-controls')).hidden"
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn without_javascript_every_address_is_readable() {
    let second = content_json(&format!("articles/{}.json", other_slug()));
    let home = content_json(&format!("articles/{}.json", home_slug()));
    let section = section_id(1);
    let addresses = [
        ("/".to_string(), home.clone()),
        (format!("/articles/{}/", other_slug()), second),
        (format!("/#{section}"), home.clone()),
        (format!("/#{}", question_id()), home),
    ];
    for (width, height) in [(1280, 900), (360, 740)] {
        for (address, article) in addresses.clone() {
            let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
            let flags = ["--blink-settings=scriptEnabled=false"];
            run_in_browser(server, width, height, &flags, |page| async move {
                page.set_viewport(width, height).await;
                page.open_before_the_app(&address).await;
                let seen = page
                    .eval(
                        "const visible = (css) => [...document.querySelectorAll(css)]
                           .map(e => e.checkVisibility());
                         return {
                           title: document.querySelector('h1').textContent,
                           contents: visible('.toc-list a'),
                           answers: visible('.faq-answer p'),
                           related: visible('.related-posts li'),
                           footer: visible('.site-footer'),
                           settings: visible('.reading-settings-button'),
                         }",
                    )
                    .await;
                let at = format!("{address} at {width}x{height}");
                assert_eq!(seen["title"], article["title"], "{at}");
                let all_true = |list: &Value| {
                    list.as_array()
                        .is_some_and(|l| !l.is_empty() && l.iter().all(|v| v == true))
                };
                assert!(all_true(&seen["contents"]), "{at}: contents {seen}");
                assert!(all_true(&seen["answers"]), "{at}: every answer {seen}");
                let related = article["related"].as_array().map_or(0, Vec::len);
                assert_eq!(
                    seen["related"]
                        .as_array()
                        .map(|l| l.iter().filter(|v| **v == true).count()),
                    Some(related),
                    "{at}: every related post {seen}"
                );
                assert!(all_true(&seen["footer"]), "{at}: footer {seen}");
                assert_eq!(
                    seen["settings"],
                    json!([false]),
                    "{at}: the settings need the app and stay out of view"
                );
                if let Some(id) = address.split('#').nth(1) {
                    let top = page
                        .eval(&format!(
                            "return document.getElementById({id:?}).getBoundingClientRect().top"
                        ))
                        .await;
                    let top = top.as_f64().expect("top");
                    assert!((0.0..200.0).contains(&top), "{at}: scrolled to it ({top})");
                }
                // The contents link to this page's sections, not the site's home.
                let link = page
                    .eval("return document.querySelector('.toc-list a').href")
                    .await;
                let link = link.as_str().expect("href").to_string();
                assert!(
                    link.starts_with(&page.url(address.split('#').next().unwrap_or("/"))),
                    "{at}: {link}"
                );
            })
            .await;
        }
    }
}

#[tokio::test]
async fn the_not_found_page_answers_404_with_its_own_title_and_no_article() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/no/such/page").await;
        let answer = page
            .eval(
                "return fetch('/articles/no-such-article/').then(r => r.text().then(html => {
                   const doc = new DOMParser().parseFromString(html, 'text/html');
                   return {
                     status: r.status,
                     title: doc.title,
                     heading: doc.querySelector('h1')?.textContent,
                     images: [...doc.querySelectorAll('link[rel=preload][as=image]')]
                       .map(l => l.getAttribute('href')),
                     carried: doc.querySelectorAll('script[data-page-content]').length,
                   };
                 }))",
            )
            .await;
        let clinic = content_json("site.json")["clinic_name"].clone();
        assert_eq!(
            answer,
            json!({
                "status": 404,
                "title": format!("Page not found | {}", clinic.as_str().expect("name")),
                "heading": "Page not found",
                "images": [],
                "carried": 2,
            }),
            "the site settings and the words of its language, and no article"
        );
    })
    .await;
}

#[tokio::test]
async fn every_article_address_answers_200_with_its_own_page() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        let index = content_json("articles.json");
        let site_url = content_json("site.json")["site_url"].clone();
        for summary in index["articles"].as_array().expect("articles") {
            let slug = summary["slug"].as_str().expect("slug");
            let hero = content_json(&format!("articles/{slug}.json"))["hero"]["image"].clone();
            for address in [format!("/articles/{slug}/"), format!("/articles/{slug}")] {
                let answer = page
                    .eval(&format!(
                        "return fetch({address:?}).then(r => r.text().then(html => {{
                           const doc = new DOMParser().parseFromString(html, 'text/html');
                           return {{
                             status: r.status,
                             title: doc.querySelector('h1')?.textContent,
                             canonical: doc.querySelector('link[rel=canonical]')?.href,
                             images: [...doc.querySelectorAll('link[rel=preload][as=image]')]
                               .map(l => l.getAttribute('href')),
                           }};
                         }}))"
                    ))
                    .await;
                assert_eq!(
                    answer,
                    json!({
                        "status": 200,
                        "title": summary["title"],
                        "canonical": format!("{}articles/{slug}/", site_url.as_str().expect("url")),
                        "images": [hero],
                    }),
                    "{address}"
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn where_the_app_builds_the_page_the_title_comes_before_the_faq_and_footer() {
    with_page(1280, 900, |page| async move {
        // The app's shell builds the page itself (offline for a page never saved, or a host
        // that answers every address with it).
        page.server.serve_the_shell();
        page.before_each_load(RECORDER).await;
        page.open(&format!("/articles/{}/", home_slug())).await;
        // The page is complete; the frame that paints its last part may still be to come.
        page.wait_until(
            "a frame shows the FAQ",
            "return __frames.some(frame => frame.faq)",
        )
        .await;
        let frames = page.eval("return __frames").await;
        let frames = frames.as_array().expect("frames");
        let first_with_title = frames
            .iter()
            .find(|frame| frame["title"] == json!(true))
            .expect("a frame showed the title");
        assert_eq!(
            (&first_with_title["faq"], &first_with_title["footer"]),
            (&json!(false), &json!(false)),
            "the first frame with the app's title waits for nothing below the first screen"
        );
        assert!(
            frames
                .last()
                .is_some_and(|frame| frame["faq"] == json!(true)),
            "the FAQ follows, and stays"
        );
    })
    .await;
}

#[tokio::test]
async fn nothing_moves_while_the_app_takes_over_or_builds_the_page() {
    let sizes = [(1280, 900), (360, 740)];
    for ((width, height), address, shell) in sizes.into_iter().flat_map(|size| {
        [
            (size, "/".to_string(), false),
            (size, format!("/articles/{}/", home_slug()), false),
            // Short: the page outgrows the window as its parts arrive, and a scrollbar that
            // takes room would then move everything sideways.
            (size, format!("/articles/{}/", other_slug()), true),
        ]
    }) {
        with_browser(1280, 900, &[], |page| async move {
            if shell {
                page.server.serve_the_shell();
            }
            page.set_viewport(width, height).await;
            page.before_each_load(RECORDER).await;
            page.open(&address).await;
            let shift = layout_shift(&page).await;
            assert!(
                shift < 0.005,
                "layout shift {shift} at {width}x{height} on {address}: {} from {}",
                page.eval("return __shifts").await,
                page.eval("return __shiftSources").await
            );
            assert_eq!(
                page.eval("return !!document.querySelector('.site-footer')")
                    .await,
                Value::Bool(true)
            );
        })
        .await;
    }
}

/// Each address's text as the build wrote it, checking on the way that the app adopts the
/// page as it is: the same elements, text and accessibility tree.
async fn adopted_as_built(page: &Page, addresses: &[String]) -> Vec<Value> {
    let mut as_built = Vec::new();
    for address in addresses {
        let app = page.server.hold(".wasm");
        page.open_before_the_app(address).await;
        page.find("h1").await;
        assert!(!app_runs(page).await, "{address}: the app is held back");
        let kept = page.eval(KEEP_NODES).await;
        // What the reader reads, dates and numbers included ("6 de diciembre de 2026",
        // "3 min de lectura"), and what a screen reader reads.
        let text = page.eval("return document.body.innerText").await;
        let read_before = page.accessibility_tree().await;
        app.release();
        page.wait_until_the_app_runs().await;
        let kept_now = page.eval(NODES_STILL_THERE).await;
        assert_eq!(kept_now, kept, "{address}: nodes kept");
        let text_now = page.eval("return document.body.innerText").await;
        assert_eq!(text_now, text, "{address}: the same text");
        let read_now = page.accessibility_tree().await;
        assert_eq!(read_now, read_before, "{address}: the same tree");
        as_built.push(text);
    }
    as_built
}

#[tokio::test]
async fn a_page_in_another_language_is_adopted_as_it_is_and_built_alike_by_the_app() {
    let (site, articles) = crate::languages::site_and_articles();
    let library = clinic_content::Library::of(&articles, &site);
    // Every article in another language than the site's.
    let mut addresses: Vec<String> = articles
        .iter()
        .filter(|article| !same_language(site.language_of(article), site.language()))
        .map(|article| format!("/articles/{}/", article.slug))
        .collect();
    // And its language's list and categories: a category named in Arabic has an address
    // the browser percent-encodes.
    for (language, shelf) in library.by_language(&site) {
        if language.is_site_language() {
            continue;
        }
        addresses.push(format!("/{}", language.library_path()));
        addresses.extend(
            (shelf.categories().iter())
                .map(|category| format!("/{}", language.category_path(&category.slug))),
        );
    }
    assert!(!addresses.is_empty(), "the fixtures have other languages");
    let server = crate::languages::server();
    run_in_browser(server, 1280, 900, &[], |page| async move {
        // Each page as on a first visit: the wasm from the server, which holds it back, not
        // from the cache the first page filled.
        page.bypass_cache().await;
        let as_built = adopted_as_built(&page, &addresses).await;
        // The app formats as the build does: the page it builds from the content files
        // alone reads the same, dates and numbers included.
        page.server.serve_the_shell();
        for (address, built) in addresses.iter().zip(as_built) {
            page.open(address).await;
            let text = page.eval("return document.body.innerText").await;
            assert_eq!(text, built, "{address}: built by the app");
        }
    })
    .await;
}
