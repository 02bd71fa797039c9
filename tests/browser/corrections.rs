//! A correction reaches every reader: what a returning reader saved on the device is brought
//! up to date with what the clinic publishes, after one online visit following a deploy,
//! online and offline, on a host that lets browsers keep files for ten minutes.

use serde_json::{json, Value};

use crate::support::{
    content_json, edited_build_of, home_slug, other_slug, run_in_browser, service_worker_version,
    site_dir, title_of, Page, Server, Unknown,
};

/// Records, before the page's own scripts, every message the service worker sends it.
const WORKER_MESSAGES: &str = "window.__fromTheWorker = [];
    if (navigator.serviceWorker) {
      navigator.serviceWorker.addEventListener('message', e => __fromTheWorker.push(e.data));
    }";

/// What a host such as GitHub Pages sends: every file may be kept by the browser for ten
/// minutes.
const TEN_MINUTES: &str = "\n/*\n  Cache-Control: public, max-age=600\n";

fn home_hero() -> String {
    content_json(&format!("articles/{}.json", home_slug()))["hero"]["image"]
        .as_str()
        .expect("a hero")
        .to_string()
}

/// The home article's hero, as built, with `mark` in it: the same name, other bytes.
fn mark_the_hero(build: &std::path::Path, mark: &str) {
    let hero = build.join(home_hero());
    let svg = std::fs::read_to_string(&hero).expect("the hero");
    let marked = svg.replacen("</svg>", &format!("<!-- {mark} --></svg>"), 1);
    assert_ne!(marked, svg, "the hero is an SVG");
    std::fs::write(hero, marked).expect("write the hero");
}

/// The hero as the page gets it now (through the service worker).
async fn hero_as_shown(page: &Page) -> String {
    let hero = home_hero();
    let text = page
        .eval(&format!("return fetch({hero:?}).then(r => r.text())"))
        .await;
    text.as_str().unwrap_or_default().to_string()
}

/// The words the home article's introduction starts with.
fn first_words() -> String {
    content_json(&format!("articles/{}.json", home_slug()))["intro"][0]["paragraph"][0]["text"]
        .as_str()
        .expect("the introduction's first words")
        .to_string()
}

const CORRECTED: &str = "Corrected after a reader wrote in. ";

/// Visits `path` and waits until the service worker has saved it.
async fn read_and_save(page: &Page, path: &str) {
    page.open(path).await;
    page.wait_until(
        &format!("{path} is saved on the device"),
        "return caches.match(location.href).then(saved => !!saved)",
    )
    .await;
}

/// One online visit to the home page, and the service worker's word that every copy on the
/// device is what `build` publishes.
async fn visit_after_the_deploy_of(page: &Page, build: &std::path::Path) {
    let version = service_worker_version(build);
    page.open("/").await;
    page.wait_until(
        "the new service worker has brought every saved copy up to date",
        &format!(
            "return __fromTheWorker.some(m =>
               m.type === 'saved-copies-up-to-date' && m.version === {version:?})"
        ),
    )
    .await;
}

async fn texts_of(page: &Page, css: &str) -> Value {
    page.eval(&format!(
        "return [...document.querySelectorAll({css:?})].map(e => e.textContent)"
    ))
    .await
}

/// What the reader finds, online or offline, after the second deploy.
async fn the_second_build_is_what_shows(page: &Page, how: &str) {
    page.open("/").await;
    assert!(
        page.text(".article-body > p").await.starts_with(CORRECTED),
        "{how}: the correction"
    );
    assert!(
        hero_as_shown(page).await.contains("second build"),
        "{how}: the new picture"
    );
    let other = other_slug();
    page.open(&format!("/articles/{other}/")).await;
    assert_eq!(
        page.text("h1").await,
        "Page not found",
        "{how}: the withdrawn article"
    );
    page.open("/articles/").await;
    let cards = page
        .eval("return [...document.querySelectorAll('.article-card a')].map(a => a.getAttribute('href'))")
        .await;
    assert!(
        !cards.to_string().contains(&other),
        "{how}: the list without the withdrawn article: {cards}"
    );
    assert!(
        !cards.as_array().expect("cards").is_empty(),
        "{how}: the list"
    );
    page.open(&format!("/articles/{}/", home_slug())).await;
    assert_eq!(
        texts_of(page, "h1").await,
        json!([title_of(&home_slug())]),
        "{how}: the home article at its own address"
    );
}

#[tokio::test]
async fn a_correction_a_new_picture_and_a_withdrawal_reach_a_returning_reader() {
    let other = other_slug();
    let first = edited_build_of(site_dir(), "deploy-first", |build| {
        let headers = build.join("_headers");
        let text = std::fs::read_to_string(&headers).expect("_headers");
        std::fs::write(headers, text + TEN_MINUTES).expect("write _headers");
    });
    let second = edited_build_of(&first, "deploy-second", |build| {
        let file = build.join(format!("content/articles/{}.json", home_slug()));
        let text = std::fs::read_to_string(&file).expect("the home article");
        let words = first_words();
        std::fs::write(
            &file,
            text.replacen(&words, &format!("{CORRECTED}{words}"), 1),
        )
        .expect("correct it");
        mark_the_hero(build, "second build");
        let index_file = build.join("content/articles.json");
        let mut index: Value =
            serde_json::from_str(&std::fs::read_to_string(&index_file).expect("the index"))
                .expect("JSON");
        index["articles"]
            .as_array_mut()
            .expect("articles")
            .retain(|article| article["slug"] != other.as_str());
        std::fs::write(&index_file, index.to_string()).expect("withdraw it");
        std::fs::remove_file(build.join(format!("content/articles/{other}.json")))
            .expect("withdraw its file");
    });
    let third = edited_build_of(&second, "deploy-third", |build| {
        mark_the_hero(build, "third build");
    });

    let server = Server::start_with(&first, "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.before_each_load(WORKER_MESSAGES).await;
        page.open("/").await;
        page.wait_until_saved_for_offline().await;
        // Every page of the first build, read and saved.
        let mut pages: Vec<String> = vec!["/".into(), "/articles/".into()];
        for article in content_json("articles.json")["articles"]
            .as_array()
            .expect("articles")
        {
            pages.push(format!(
                "/articles/{}/",
                article["slug"].as_str().expect("slug")
            ));
        }
        for category in crate::support::fixture_library().categories() {
            pages.push(format!("/categories/{}/", category.slug));
        }
        for path in &pages {
            read_and_save(&page, path).await;
        }
        assert!(!hero_as_shown(&page).await.contains("build"));

        page.server.serve_from(&second);
        visit_after_the_deploy_of(&page, &second).await;
        the_second_build_is_what_shows(&page, "online").await;
        page.cut_the_network().await;
        the_second_build_is_what_shows(&page, "offline").await;
        // The other pages saved before the deploy still open offline.
        for path in pages.iter().filter(|path| !path.contains(&other)) {
            page.open(path).await;
            assert_eq!(
                page.find_all(".load-error").await.len(),
                0,
                "{path} opens offline"
            );
        }

        // A deploy that changes only the picture.
        page.restore_the_network().await;
        page.server.serve_from(&third);
        visit_after_the_deploy_of(&page, &third).await;
        assert!(hero_as_shown(&page).await.contains("third build"), "online");
        page.cut_the_network().await;
        page.open("/").await;
        assert!(
            hero_as_shown(&page).await.contains("third build"),
            "offline"
        );
    })
    .await;
}

#[tokio::test]
async fn an_article_read_on_the_home_page_opens_offline_at_its_own_address() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        page.wait_until_saved_for_offline().await;
        let own = format!("/articles/{}/", home_slug());
        page.wait_until(
            "the article is saved at its own address too",
            &format!("return caches.match(new URL({own:?}, location.href).href).then(s => !!s)"),
        )
        .await;
        page.cut_the_network().await;
        for address in [own.clone(), own.trim_end_matches('/').to_string()] {
            page.open(&address).await;
            assert_eq!(
                texts_of(&page, "h1").await,
                json!([title_of(&home_slug())]),
                "{address}, offline"
            );
        }
    })
    .await;
}

/// A page whose address goes beyond ASCII (a category named in Arabic, which the browser
/// sends percent-encoded) is brought up to date by its file's name like any other, and is not
/// withdrawn as a page the build no longer publishes.
#[tokio::test]
async fn a_saved_page_whose_address_is_not_ascii_stays_saved_after_a_deploy() {
    let (site, articles) = crate::languages::site_and_articles();
    let library = clinic_content::Library::of(&articles, &site);
    let (path, name) = library
        .by_language(&site)
        .into_iter()
        .flat_map(|(language, shelf)| {
            shelf.categories().into_iter().map(move |category| {
                (
                    format!("/{}", language.category_path(&category.slug)),
                    category.name,
                )
            })
        })
        .find(|(path, _)| !path.is_ascii())
        .expect("a category named beyond ASCII in the fixtures");
    let first = edited_build_of(
        crate::support::site_with_languages(),
        "deploy-beyond-ascii-first",
        |_| {},
    );
    let second = edited_build_of(&first, "deploy-beyond-ascii-second", |build| {
        mark_the_hero(build, "second build");
    });
    let server = Server::start_with(&first, "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.before_each_load(WORKER_MESSAGES).await;
        page.open("/").await;
        page.wait_until_saved_for_offline().await;
        read_and_save(&page, &path).await;
        page.server.serve_from(&second);
        visit_after_the_deploy_of(&page, &second).await;
        page.cut_the_network().await;
        page.open(&path).await;
        assert_eq!(
            texts_of(&page, "h1").await,
            json!([name]),
            "{path}, offline"
        );
    })
    .await;
}
