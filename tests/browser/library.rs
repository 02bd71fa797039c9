//! The library: the list of every article, category pages, related posts that lead to local
//! articles, and breadcrumbs. Every expectation comes from the fixture articles, so that a
//! clinic's own articles keep it green.

use clinic_content::library::{category_slug, Library, CARDS_PER_PAGE};
use clinic_content::text::display_date;
use clinic_content::words::Word;
use clinic_content::Article;
use serde_json::{json, Value};

use crate::support::{
    fixture_articles, nav_named, run_in_browser, with_desktop_page, with_page, word, Page, Server,
    Unknown, ENTER,
};

fn library() -> Library {
    crate::support::fixture_library()
}

/// The cards the page shows: title, link, category, date, and what `<time>` says.
async fn cards(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('.article-card')].map(card => ({
           title: card.querySelector('h2 a, h3 a').textContent,
           href: card.querySelector('h2 a, h3 a').getAttribute('href'),
           category: card.querySelector('.article-card-category').textContent,
           date: card.querySelector('time')?.textContent ?? null,
           datetime: card.querySelector('time')?.getAttribute('datetime') ?? null,
           image: !!card.querySelector('img[loading=lazy][width][height]'),
         }))",
    )
    .await
}

fn expected_cards<'a>(
    articles: impl IntoIterator<Item = &'a clinic_content::LibraryEntry>,
) -> Value {
    articles
        .into_iter()
        .map(|entry| {
            json!({
                "title": entry.title,
                "href": format!("/articles/{}/", entry.slug),
                "category": entry.category,
                "date": display_date(&entry.published),
                "datetime": entry.published,
                "image": true,
            })
        })
        .collect()
}

/// The page's breadcrumbs: each step's name, address, and whether it is the page itself.
async fn breadcrumbs(page: &Page) -> Value {
    let steps = format!("{} li a", nav_named(Word::Breadcrumb));
    page.eval(
        &(format!("const STEPS = {steps:?};")
            + "return [...document.querySelectorAll(STEPS)].map(a =>
           [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')])"),
    )
    .await
}

/// The `BreadcrumbList` in the page's JSON-LD, as `[name, address]` steps.
async fn breadcrumb_list(page: &Page) -> Value {
    page.eval(
        "const graphs = [...document.querySelectorAll('script[type=\"application/ld+json\"]')]
           .flatMap(s => JSON.parse(s.textContent)['@graph']);
         const list = graphs.find(g => g['@type'] === 'BreadcrumbList');
         return list.itemListElement.map(i => [i.position, i.name, i.item]);",
    )
    .await
}

#[tokio::test]
async fn the_header_leads_to_every_article_as_a_card_newest_first() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        page.click(".site-header .site-library").await;
        page.wait_until(
            "the list opens",
            "return location.pathname === '/articles/' && document.documentElement.hasAttribute('data-app-ready')",
        )
        .await;
        assert_eq!(page.text("h1").await, word(Word::HealthLibrary));
        assert_eq!(cards(&page).await, expected_cards(&library().articles));
        assert_eq!(
            breadcrumbs(&page).await,
            json!([[word(Word::Home), "/", null], [word(Word::HealthLibrary), "/articles/", "page"]])
        );
        // Each category is listed, as a link to its page.
        let categories: Vec<Value> = library()
            .categories()
            .iter()
            .map(|c| json!([c.name, format!("/categories/{}/", c.slug)]))
            .collect();
        let links = format!("{} a", nav_named(Word::Categories));
        let links = page
            .eval(&(format!("const LINKS = {links:?};")
                + "return [...document.querySelectorAll(LINKS)].slice(1)
                   .map(a => [a.firstChild.textContent, a.getAttribute('href')])"))
            .await;
        assert_eq!(links, Value::Array(categories));
    })
    .await;
}

#[tokio::test]
async fn a_category_page_shows_only_its_articles() {
    with_desktop_page(|page| async move {
        let library = library();
        assert!(
            library.categories().len() >= 2,
            "the fixtures have two categories"
        );
        for category in library.categories() {
            let path = format!("/categories/{}/", category.slug);
            page.open(&path).await;
            assert_eq!(page.text("h1").await, category.name);
            assert_eq!(
                cards(&page).await,
                expected_cards(library.in_category(&category.slug)),
                "{path}"
            );
            assert_eq!(
                page.attr(
                    &format!("{} [aria-current=page]", nav_named(Word::Categories)),
                    "href"
                )
                .await
                .as_deref(),
                Some(path.as_str())
            );
            assert_eq!(
                breadcrumb_list(&page).await,
                json!([
                    [1, word(Word::Home), "https://clinic.test/"],
                    [
                        2,
                        word(Word::HealthLibrary),
                        "https://clinic.test/articles/"
                    ],
                    [3, category.name, format!("https://clinic.test{path}")],
                ])
            );
        }
        // An address of a category no article is in says so, and offers the list.
        page.server.serve_the_shell();
        page.open("/categories/no-such-category/").await;
        assert_eq!(page.text("h1").await, "No articles in this category");
        assert_eq!(page.find_all(".article-card").await.len(), 0);
        assert_eq!(
            page.attr("main .library > p a", "href").await.as_deref(),
            Some("/articles/")
        );
    })
    .await;
}

#[tokio::test]
async fn a_library_of_one_article_says_more_are_coming() {
    with_desktop_page(|page| async move {
        let only = library().only([fixture_articles()[0].slug.as_str()]);
        page.server.serve_the_shell();
        let list = &only.list_pages(None, CARDS_PER_PAGE)[0];
        page.server.replace(
            "/content/lists/articles/1.json",
            serde_json::to_string(list).expect("JSON"),
        );
        page.open("/articles/").await;
        assert_eq!(cards(&page).await, expected_cards(&only.articles));
        assert_eq!(
            page.text("main .library > div > p").await,
            "One article so far. More are on their way."
        );
    })
    .await;
}

#[tokio::test]
async fn an_article_shows_its_breadcrumbs_and_its_category_links_to_its_page() {
    with_desktop_page(|page| async move {
        for article in fixture_articles() {
            let path = format!("/articles/{}/", article.slug);
            let category = format!("/categories/{}/", category_slug(&article.category));
            page.open(&path).await;
            assert_eq!(
                breadcrumbs(&page).await,
                json!([
                    [word(Word::Home), "/", null],
                    [article.category, category, null],
                    [article.title, path, "page"],
                ])
            );
            assert_eq!(
                breadcrumb_list(&page).await,
                json!([
                    [1, word(Word::Home), "https://clinic.test/"],
                    [
                        2,
                        article.category,
                        format!("https://clinic.test{category}")
                    ],
                    [3, article.title, format!("https://clinic.test{path}")],
                ])
            );
            page.click(".article-category a").await;
            page.wait_until(
                "the category page opens",
                &format!("return location.pathname === {category:?}"),
            )
            .await;
            page.find(&format!(".article-card a[href='{path}']")).await;
        }
    })
    .await;
}

/// The fixture article with a related post that is a local article, and that post.
fn article_with_local_related() -> (Article, Article) {
    let articles = fixture_articles();
    articles
        .iter()
        .find_map(|article| {
            let local = article
                .related
                .iter()
                .find_map(|post| articles.iter().find(|a| a.slug == post.slug))?;
            Some((article.clone(), local.clone()))
        })
        .expect("a fixture article relates to another")
}

#[tokio::test]
async fn a_related_post_that_is_an_article_here_is_a_card_linking_to_it() {
    with_desktop_page(|page| async move {
        let (article, local) = article_with_local_related();
        let path = format!("/articles/{}/", article.slug);
        for shell in [false, true] {
            if shell {
                // Built by the app, from the content files, as well as adopted.
                page.server.serve_the_shell();
            }
            page.open(&path).await;
            let related = page
                .eval(
                    "return [...document.querySelectorAll('.related-posts li')].map(li => ({
                       card: !!li.querySelector('.article-card img'),
                       link: li.querySelector('a')?.getAttribute('href') ?? null,
                       text: li.querySelector('h3, a')?.textContent ?? li.textContent,
                       category: li.querySelector('.article-card-category')?.textContent ?? null,
                     }))",
                )
                .await;
            let expected: Vec<Value> = article
                .related
                .iter()
                .map(|post| match post.slug == local.slug {
                    true => json!({
                        "card": true,
                        "link": format!("/articles/{}/", local.slug),
                        "text": local.title,
                        "category": local.category,
                    }),
                    // The others stay titles, as the site has no address for them.
                    false => json!({
                        "card": false, "link": null, "text": post.title, "category": null,
                    }),
                })
                .collect();
            assert_eq!(related, Value::Array(expected), "shell: {shell}");
        }
        page.click(&format!(
            ".related-posts a[href='/articles/{}/']",
            local.slug
        ))
        .await;
        page.wait_until(
            "the related article opens",
            &format!("return location.pathname === '/articles/{}/'", local.slug),
        )
        .await;
        assert_eq!(page.text("h1").await, local.title);
    })
    .await;
}

#[tokio::test]
async fn the_library_is_reached_and_used_with_the_keyboard_alone() {
    with_desktop_page(|page| async move {
        let library = library();
        page.open("/").await;
        page.tab_to(".site-header .site-library", 8).await;
        page.press(ENTER).await;
        page.wait_until(
            "the list opens",
            "return location.pathname === '/articles/'",
        )
        .await;
        page.wait_until_the_app_runs().await;
        let category = &library.categories()[1];
        let link = format!(
            "{} a[href='/categories/{}/']",
            nav_named(Word::Categories),
            category.slug
        );
        page.tab_to(&link, 20).await;
        page.press(ENTER).await;
        page.wait_until(
            "the category opens",
            &format!(
                "return location.pathname === '/categories/{}/'",
                category.slug
            ),
        )
        .await;
        page.wait_until_the_app_runs().await;
        let first = library
            .in_category(&category.slug)
            .next()
            .expect("an article");
        page.tab_to(".article-card a", 30).await;
        assert_eq!(
            page.eval("return document.activeElement.textContent").await,
            json!(first.title),
            "the first card's title is the first stop after the categories"
        );
        page.press(ENTER).await;
        page.wait_until(
            "the article opens",
            &format!("return location.pathname === '/articles/{}/'", first.slug),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn without_javascript_the_list_and_category_pages_are_readable() {
    let library = library();
    let mut addresses = vec![("/articles/".to_string(), library.articles.clone())];
    for category in library.categories() {
        addresses.push((
            format!("/categories/{}/", category.slug),
            library.in_category(&category.slug).cloned().collect(),
        ));
    }
    for (address, entries) in addresses {
        let server = Server::start_with(crate::support::site_dir(), "/", Unknown::NotFoundPage);
        let flags = ["--blink-settings=scriptEnabled=false"];
        run_in_browser(server, 360, 740, &flags, |page| async move {
            page.set_viewport(360, 740).await;
            page.open_before_the_app(&address).await;
            assert_eq!(cards(&page).await, expected_cards(&entries), "{address}");
            let visible = page
                .eval(
                    // On a phone the trail stops at the page above the title.
                    "return [...document.querySelectorAll(
                         '.article-card, .category-links a, .breadcrumbs a:not([aria-current=page])')]
                       .every(e => e.checkVisibility())",
                )
                .await;
            assert_eq!(visible, json!(true), "{address}");
            assert_eq!(
                page.eval("return document.querySelector('.site-search').checkVisibility()")
                    .await,
                json!(false),
                "{address}: search needs the app and stays out of view"
            );
        })
        .await;
    }
}

#[tokio::test]
async fn the_library_pages_pass_axe_in_every_reading_mode_and_reflow_at_320_px() {
    const KEY: &str = "clinic-article:reading-settings:v1";
    let category = &library().categories()[0];
    let addresses = [
        "/articles/".to_string(),
        format!("/categories/{}/", category.slug),
    ];
    with_page(800, 900, |page| async move {
        for address in &addresses {
            for settings in ["", "contrast=high", "contrast=dark"] {
                page.open(address).await;
                page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                    .await;
                page.open(address).await;
                let violations = page.axe_violations().await;
                assert!(
                    violations.is_empty(),
                    "{address} {settings}:\n{}",
                    violations.join("\n")
                );
            }
            page.set_viewport(320, 640).await;
            page.eval(&format!("localStorage.setItem({KEY:?}, 'text-size=200;spacing=wide')"))
                .await;
            page.open(address).await;
            assert_eq!(
                page.eval(
                    "const root = document.documentElement; return root.scrollWidth - root.clientWidth"
                )
                .await,
                json!(0),
                "{address}: 200% text at 320 px scrolls only down"
            );
            page.eval("localStorage.clear()").await;
            page.set_viewport(800, 900).await;
        }
    })
    .await;
}

#[test]
fn the_fixtures_have_what_the_library_tests_need() {
    let articles = fixture_articles();
    assert!(articles.len() >= 3);
    assert!(articles.iter().any(|a| a.related.is_empty()));
    let (article, local) = article_with_local_related();
    assert!(
        article.related.iter().any(|post| post.slug != local.slug),
        "and to a post that is not an article here"
    );
}
