//! A long list, a page of cards at a time: each page at its own address, pre-rendered and
//! built by the app alike, with numbered links, `rel` links in its head and a heading that
//! says which page it is; used with the keyboard alone, without JavaScript, and passing axe.
//! The library is the fixture site's with made-up articles added: every expectation follows
//! from its content.

use clinic_content::library::CARDS_PER_PAGE;
use clinic_content::words::{fill, Word};
use clinic_content::{Library, ListPage};
use serde_json::{json, Value};

use crate::support::{
    nav_named, run_in_browser, site_with_three_list_pages, word, Page, Server, Unknown, ENTER,
};

const KEY: &str = "clinic-article:reading-settings:v1";

/// The pages of the list of every article, as the site's library makes them.
fn list_pages() -> Vec<ListPage> {
    let file = site_with_three_list_pages().join("content/library.json");
    let library: Library =
        serde_json::from_str(&std::fs::read_to_string(file).expect("the library"))
            .expect("a library");
    let pages = library.list_pages(None, CARDS_PER_PAGE);
    assert_eq!(pages.len(), 3, "the site's list has three pages");
    pages
}

fn address(list: &ListPage, page: usize) -> String {
    format!("/{}", list.path_of(page))
}

fn server() -> Server {
    Server::start_with(site_with_three_list_pages(), "/", Unknown::NotFoundPage)
}

/// What the page shows of its list: its heading, its breadcrumbs and its page links (text,
/// address, whether current), its cards' links, its head's previous, next and canonical
/// addresses, and the addresses of the `BreadcrumbList` its JSON-LD gives search engines.
async fn shown(page: &Page) -> Value {
    let pages = format!("{} a", nav_named(Word::Pages));
    let crumbs = format!("{} li a", nav_named(Word::Breadcrumb));
    page.eval(
        &(format!("const PAGES = {pages:?}; const CRUMBS = {crumbs:?};")
            + "const href = (css) => document.querySelector(css)?.getAttribute('href') ?? null;
         const graphs = [...document.querySelectorAll('script[type=\"application/ld+json\"]')]
           .flatMap(s => JSON.parse(s.textContent)['@graph'] ?? []);
         return {
           heading: document.querySelector('h1').textContent,
           crumbs: [...document.querySelectorAll(CRUMBS)]
             .map(a => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]),
           crumb_list: graphs.find(g => g['@type'] === 'BreadcrumbList')
             ?.itemListElement.map(i => i.item) ?? null,
           cards: [...document.querySelectorAll('.article-card h2 a, .article-card h3 a')]
             .map(a => a.getAttribute('href')),
           pages: [...document.querySelectorAll(PAGES)]
             .map(a => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]),
           prev: href('head link[rel=prev]'),
           next: href('head link[rel=next]'),
           canonical: href('head link[rel=canonical]'),
         }"),
    )
    .await
}

fn expected(list: &ListPage) -> Value {
    let url = |page: usize| format!("https://clinic.test{}", address(list, page));
    let mut pages = Vec::new();
    if list.page > 1 {
        pages.push(json!([
            word(Word::PreviousPage),
            address(list, list.page - 1),
            null
        ]));
    }
    for number in 1..=list.pages {
        let current = (number == list.page).then_some("page");
        pages.push(json!([
            fill(&word(Word::PageNumber), &[("number", &number.to_string())]),
            address(list, number),
            current
        ]));
    }
    if list.page < list.pages {
        pages.push(json!([
            word(Word::NextPage),
            address(list, list.page + 1),
            null
        ]));
    }
    // The trail ends with the page the reader is on: the list, or its later page.
    let first = list.page == 1;
    let mut crumbs = vec![
        json!([word(Word::Home), "/", null]),
        json!([
            word(Word::HealthLibrary),
            address(list, 1),
            first.then_some("page")
        ]),
    ];
    let mut crumb_list = vec!["https://clinic.test/".to_string(), url(1)];
    if !first {
        crumbs.push(json!([
            fill(
                &word(Word::PageNumber),
                &[("number", &list.page.to_string())]
            ),
            address(list, list.page),
            "page"
        ]));
        crumb_list.push(url(list.page));
    }
    json!({
        "crumbs": crumbs,
        "crumb_list": crumb_list,
        "heading": fill(
            &word(Word::ListPage),
            &[
                ("name", &word(Word::HealthLibrary)),
                ("page", &list.page.to_string()),
                ("pages", &list.pages.to_string()),
            ],
        ),
        "cards": list.articles.iter().map(|a| format!("/articles/{}/", a.slug)).collect::<Vec<_>>(),
        "pages": pages,
        "prev": (list.page > 1).then(|| url(list.page - 1)),
        "next": (list.page < list.pages).then(|| url(list.page + 1)),
        "canonical": url(list.page),
    })
}

#[tokio::test]
async fn a_long_list_has_numbered_pages_each_at_its_own_address() {
    let lists = list_pages();
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for shell in [false, true] {
            if shell {
                // Built by the app, from the page's own content file, as well as adopted.
                page.server.serve_the_shell();
            }
            for list in &lists {
                page.open(&address(list, list.page)).await;
                assert_eq!(
                    shown(&page).await,
                    expected(list),
                    "page {}, shell: {shell}",
                    list.page
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_next_page_is_reached_with_the_keyboard_alone() {
    let lists = list_pages();
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        page.open(&address(&lists[0], 1)).await;
        page.tab_to(
            &format!("{} a[rel=next]", nav_named(Word::Pages)),
            3 * CARDS_PER_PAGE,
        )
        .await;
        page.press(ENTER).await;
        let second = address(&lists[1], 2);
        page.wait_until(
            "the second page opens",
            &format!("return location.pathname === {second:?}"),
        )
        .await;
        page.wait_until_the_app_runs().await;
        assert_eq!(shown(&page).await, expected(&lists[1]));
    })
    .await;
}

#[tokio::test]
async fn without_javascript_every_page_of_the_list_is_readable() {
    let lists = list_pages();
    let flags = ["--blink-settings=scriptEnabled=false"];
    run_in_browser(server(), 360, 740, &flags, |page| async move {
        for list in &lists {
            page.open_before_the_app(&address(list, list.page)).await;
            assert_eq!(shown(&page).await, expected(list));
            let links = format!("{} a", nav_named(Word::Pages));
            let visible = page
                .eval(&format!(
                    "return [...document.querySelectorAll({links:?})].every(a => a.checkVisibility())"
                ))
                .await;
            assert_eq!(visible, json!(true), "page {}", list.page);
        }
    })
    .await;
}

#[tokio::test]
async fn a_later_page_passes_axe_in_every_reading_mode_and_reflows_at_320_px() {
    let lists = list_pages();
    let second = address(&lists[1], 2);
    run_in_browser(server(), 800, 900, &[], |page| async move {
        for settings in ["", "contrast=high", "contrast=dark"] {
            page.open(&second).await;
            page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                .await;
            page.open(&second).await;
            let violations = page.axe_violations().await;
            assert!(
                violations.is_empty(),
                "{settings}:\n{}",
                violations.join("\n")
            );
        }
        page.set_viewport(320, 640).await;
        page.eval(&format!(
            "localStorage.setItem({KEY:?}, 'text-size=200;spacing=wide')"
        ))
        .await;
        page.open(&second).await;
        assert_eq!(
            page.eval(
                "const root = document.documentElement; return root.scrollWidth - root.clientWidth"
            )
            .await,
            json!(0),
            "200% text at 320 px scrolls only down"
        );
    })
    .await;
}
