//! Offline reading and repeat visits: the service worker saves the site on the first visit;
//! after that the whole article works without a network, at the root and under a sub-path.

use serde_json::{json, Value};

use clinic_content::text::display_date;

use crate::support::{
    article_file, content_json, fixture_outline, home_slug, next_build_of, other_slug,
    run_in_browser, site_dir, sub_path_site_dir, title_of, Fault, Page, Server, Unknown,
    RECORD_ERRORS, SUB_PATH,
};

/// The home article's own address, relative to the site's base.
fn article() -> String {
    format!("articles/{}", home_slug())
}

/// A first visit to `path` (after which the service worker has saved the site), then the
/// network cut.
async fn visit_then_cut_the_network(page: &Page, path: &str) {
    page.open(path).await;
    page.wait_until_saved_for_offline().await;
    page.cut_the_network().await;
}

/// Opens `path` online, then again offline.
async fn visit_then_reload_offline(page: &Page, path: &str) {
    page.before_each_load(RECORD_ERRORS).await;
    visit_then_cut_the_network(page, path).await;
    page.open(path).await;
}

async fn the_whole_article_works(page: &Page, base: &str) {
    assert_eq!(page.texts("h1").await, vec![title_of(&home_slug())]);
    // The reader is told, politely, with the day the copy was saved (today, here).
    let today = page
        .eval(
            "const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
                 .map(n => String(n).padStart(2, '0')).join('-')",
        )
        .await;
    let day = display_date(today.as_str().expect("a date")).expect("a real date");
    page.wait_until(
        "the notice says when the copy was saved",
        &format!(
            "return document.querySelector('.offline-notice[role=status]').textContent
               .includes({:?})",
            format!("saved on this device on {day}")
        ),
    )
    .await;
    assert_eq!(notice_shown(page).await, json!(true));
    // Contents: a jump lands on its heading.
    let section = &fixture_outline(&home_slug()).sections[1].id;
    page.click(&format!("nav.toc a[href$='#{section}']")).await;
    page.wait_until(
        "the contents jump to the section",
        &format!("return document.activeElement.id === {section:?}"),
    )
    .await;
    page.assert_the_first_answer_opens().await;
    // Reading settings: a change applies.
    page.click(".reading-settings-button").await;
    page.eval(
        "[...document.querySelectorAll('#reading-settings label')]
           .find(l => l.textContent === 'Dark').querySelector('input').click()",
    )
    .await;
    assert_eq!(
        page.eval("return document.documentElement.dataset.contrast")
            .await,
        json!("dark")
    );
    // Book Now and Call Us stay (a tel: link works offline).
    let site = content_json("site.json");
    assert_eq!(
        page.attr(".site-header a[href^='tel:']", "href").await,
        Some(format!(
            "tel:{}",
            site["phone"]["dial"].as_str().expect("dial")
        ))
    );
    assert_eq!(
        page.attr(".site-header a.action-primary", "href")
            .await
            .as_deref(),
        site["booking_url"].as_str()
    );
    assert_eq!(page.attr(".site-name", "href").await.as_deref(), Some(base));
    assert_eq!(page.eval("return __errors").await, json!([]), "no errors");
}

async fn notice_shown(page: &Page) -> Value {
    page.eval("return document.querySelector('.offline-notice').checkVisibility()")
        .await
}

#[tokio::test]
async fn after_one_visit_the_article_works_offline_at_the_root() {
    for path in ["/".to_string(), format!("/{}", article())] {
        let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
        run_in_browser(server, 1280, 900, &[], |page| async move {
            visit_then_reload_offline(&page, &path).await;
            the_whole_article_works(&page, "/").await;
        })
        .await;
    }
}

#[tokio::test]
async fn after_one_visit_the_article_works_offline_under_a_sub_path() {
    for path in [SUB_PATH.to_string(), format!("{SUB_PATH}{}", article())] {
        let server = Server::start_with(sub_path_site_dir(), SUB_PATH, Unknown::NotFoundPage);
        run_in_browser(server, 1280, 900, &[], |page| async move {
            visit_then_reload_offline(&page, &path).await;
            the_whole_article_works(&page, SUB_PATH).await;
            let scope = page
                .eval("return navigator.serviceWorker.getRegistration().then(r => new URL(r.scope).pathname)")
                .await;
            assert_eq!(scope, json!(SUB_PATH), "the worker's scope is the site");
        })
        .await;
    }
}

#[tokio::test]
async fn offline_an_article_never_saved_says_so_and_retry_loads_it_once_online() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        // An article published after this reader's visit is not in the saved copy.
        let mut new_article = content_json(&format!("articles/{}.json", other_slug()));
        new_article["slug"] = "published-later".into();
        let mut index = content_json("articles.json");
        index["articles"]
            .as_array_mut()
            .expect("articles")
            .push(json!({ "slug": "published-later", "title": new_article["title"] }));

        visit_then_cut_the_network(&page, "/").await;
        page.open("/articles/published-later").await;
        page.wait_until(
            "the page says the device is offline",
            "return !!document.querySelector('.load-error')
                && document.querySelector('.load-error p').textContent.startsWith('You are offline')",
        )
        .await;
        assert!(page.find_all(".load-error button").await.len() == 1, "Retry is offered");

        page.server.clear();
        page.server.replace("/content/articles.json", index.to_string());
        page.server.replace(
            "/content/articles/published-later.json",
            new_article.to_string(),
        );
        page.set_offline(false).await;
        page.wait_until(
            "back online, the page says so",
            "return !document.querySelector('.load-error p').textContent.startsWith('You are offline')",
        )
        .await;
        page.click(".load-error button").await;
        page.wait_until(
            "the article loads",
            &format!("return document.querySelector('h1')?.textContent === {:?}", new_article["title"]),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn losing_the_network_on_a_first_visit_shows_the_offline_message_with_retry() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    // The app's shell, which loads the content itself.
    server.serve_the_shell();
    run_in_browser(server, 1280, 900, &[], |page| async move {
        // The page arrives, then the network goes before the article does.
        let home = article_file(&home_slug());
        for file in ["/content/site.json", "/content/articles.json", &home] {
            page.server.set(file, Fault::Drop);
        }
        page.open("/").await;
        page.find(".load-error").await;
        page.set_offline(true).await;
        page.wait_until(
            "the error says the device is offline",
            "return document.querySelector('.load-error p').textContent.startsWith('You are offline')",
        )
        .await;
        assert_eq!(page.text(".load-error button").await, "Retry");
    })
    .await;
}

#[tokio::test]
async fn an_edited_article_reaches_a_returning_reader_on_the_next_visit() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        page.wait_until_saved_for_offline().await;
        // The site built again after an editor changed the introduction.
        let words = content_json(&format!("{}.json", article()))["intro"][0]["paragraph"][0]
            ["text"]
            .as_str()
            .expect("the introduction's first words")
            .to_string();
        let home = std::fs::read_to_string(site_dir().join("index.html")).expect("home page");
        assert!(home.contains(&words), "the page carries its introduction");
        page.server
            .replace("/", home.replace(&words, "An editor changed this today. "));
        page.open("/").await;
        assert!(
            page.text(".article-body > p")
                .await
                .starts_with("An editor changed this today."),
            "network first: the edit, not the saved copy"
        );
        assert_eq!(notice_shown(&page).await, json!(false));
        // And that edit is what is saved for offline now.
        page.cut_the_network().await;
        page.open("/").await;
        assert!(page
            .text(".article-body > p")
            .await
            .starts_with("An editor changed this today."));
    })
    .await;
}

/// Which builds the assets the page loaded come from: "next" (renamed) or "first".
async fn builds_loaded(page: &Page) -> Value {
    page.eval(
        "return [...new Set(performance.getEntriesByType('resource')
           .map(e => new URL(e.name).pathname)
           .filter(p => p.includes('/assets/'))
           .map(p => p.includes('-next') ? 'next' : 'first'))]",
    )
    .await
}

#[tokio::test]
async fn a_new_build_replaces_the_old_one_without_mixing_them() {
    let next = next_build_of(site_dir(), "site-fixture-next");
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.before_each_load(RECORD_ERRORS).await;
        page.open("/").await;
        page.wait_until_saved_for_offline().await;

        page.server.serve_from(&next);
        // The next visit gets the new page, which names the new build's files; the new
        // worker then replaces the old build's files on the device with the new ones.
        page.open("/").await;
        assert_eq!(builds_loaded(&page).await, json!(["next"]));
        page.wait_until(
            "only the new build's files are saved",
            "return caches.keys()
               .then(names => Promise.all(names.map(name => caches.open(name).then(c => c.keys()))))
               .then(all => {
                 const assets = all.flat().map(r => r.url).filter(url => url.includes('/assets/'));
                 return assets.length > 0 && assets.every(url => url.includes('-next'));
               })",
        )
        .await;
        // Offline now, the page and its files come from the new build alone.
        page.cut_the_network().await;
        page.open("/").await;
        assert_eq!(page.texts("h1").await, vec![title_of(&home_slug())]);
        assert_eq!(builds_loaded(&page).await, json!(["next"]));
        assert_eq!(page.eval("return __errors").await, json!([]));
    })
    .await;
}

#[tokio::test]
async fn offline_search_says_it_searches_the_copy_saved_on_this_device() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        page.wait_until_saved_for_offline().await;
        let title = title_of(&home_slug());
        let word = title.split_whitespace().next().expect("a word of the title");
        let status = "document.querySelector('#site-search-results-status').textContent";
        // Searched once online: the index is saved.
        page.type_search(&format!("{word} ")).await;
        page.wait_until(
            "the search answers from the network",
            &format!("return {status}.includes('result') && !{status}.includes('offline')"),
        )
        .await;
        page.wait_until(
            "the index is saved",
            "return caches.match(new URL('content/search.bin', document.baseURI).href)
               .then(saved => !!saved)",
        )
        .await;
        page.cut_the_network().await;
        page.open("/").await;
        page.type_search(&format!("{word} ")).await;
        page.wait_until(
            "the search says it answers from the device",
            &format!(
                "return {status}.includes('result')
                   && {status}.includes('You are offline: searching the copy saved on this device on ')"
            ),
        )
        .await;
    })
    .await;
}
