//! What tells a reader they can trust an article: who wrote and reviewed it, when it was
//! reviewed and is due again, what it is based on, the note that it does not replace a
//! clinician, where to report a mistake, and the clinic as publisher. Every expectation comes
//! from the fixture content, so a clinic's own content keeps it green.

use clinic_content::review::today;
use clinic_content::text::display_date;
use clinic_content::{Article, Person, ReviewDates, SiteSettings};
use serde_json::{json, Value};

use crate::support::{
    content_json, fixture_articles, run_in_browser, with_desktop_page, with_page, Page, Server,
    Unknown,
};

fn site() -> SiteSettings {
    serde_json::from_value(content_json("site.json")).expect("the fixture site settings")
}

fn address(article: &Article) -> String {
    format!("/articles/{}/", article.slug)
}

/// The fixture article that fills in every field this covers, and is not overdue.
fn fully_credited() -> Article {
    let site = site();
    fixture_articles()
        .into_iter()
        .find(|a| {
            a.author.is_some()
                && a.medical_reviewer.is_some()
                && a.sources.iter().any(|s| s.url.is_some())
                && a.sources.iter().any(|s| s.url.is_none())
                && a.updated.is_some()
                && !ReviewDates::of(a, &site).overdue_on(&today())
        })
        .expect("a fixture article with author, reviewer, sources and an update")
}

/// The fixture article that leaves every optional field out.
fn uncredited() -> Article {
    fixture_articles()
        .into_iter()
        .find(|a| {
            a.author.is_none()
                && a.medical_reviewer.is_none()
                && a.last_reviewed.is_none()
                && a.next_review.is_none()
                && a.sources.is_empty()
                && a.updated.is_none()
        })
        .expect("a fixture article without credits, review dates or sources")
}

/// The fixture article whose review is overdue today.
fn overdue() -> Article {
    let site = site();
    fixture_articles()
        .into_iter()
        .find(|a| ReviewDates::of(a, &site).overdue_on(&today()))
        .expect("a fixture article whose review is overdue")
}

fn person(site: &SiteSettings, id: &Option<String>) -> Person {
    site.person(id.as_deref().expect("an id"))
        .expect("a person of the site")
        .clone()
}

/// What the page shows of the article's credits, review and sources.
async fn trust_parts(page: &Page) -> Value {
    page.eval(
        "const all = (css, f) => [...document.querySelectorAll(css)].map(f);
         const one = (css, f) => { const e = document.querySelector(css); return e ? f(e) : null; };
         return {
           byline: one('.byline', e => e.textContent),
           links: all('.byline a', a => a.getAttribute('href')),
           photos: all('.byline img', i => [i.getAttribute('src'), i.getAttribute('alt')]),
           metaDates: all('.article-meta time', t => t.getAttribute('datetime')),
           reviewDates: all('.review-dates time', t => [t.getAttribute('datetime'), t.textContent]),
           sourcesHeading: one('.about-article h3', h => h.textContent),
           sources: all('ol.sources > li', li => ({
             text: li.textContent,
             href: li.querySelector('a')?.getAttribute('href') ?? null,
             cite: !!li.querySelector('cite'),
           })),
           update: one('.article-update', e => e.textContent),
           note: one('.care-note', e => e.textContent),
           report: one('.report-mistake a', a => a.getAttribute('href')),
           overdue: one('.review-overdue', e => ({ shown: e.checkVisibility(), text: e.textContent })),
           footer: one('.footer-address', e => e.textContent),
           phone: one('.footer-address a', a => a.getAttribute('href')),
           policy: one('.footer-policy a', a => a.getAttribute('href')),
         };",
    )
    .await
}

fn expected_source(source: &clinic_content::Source) -> Value {
    let text = match source.details() {
        Some(details) => format!("{}. {details}.", source.title),
        None => format!("{}.", source.title),
    };
    json!({ "text": text, "href": source.url, "cite": true })
}

async fn assert_fully_credited(page: &Page, article: &Article, site: &SiteSettings, how: &str) {
    let parts = trust_parts(page).await;
    let (author, reviewer) = (
        person(site, &article.author),
        person(site, &article.medical_reviewer),
    );
    assert_eq!(
        parts["byline"],
        json!(format!(
            "Written by {} · Medically reviewed by {}",
            author.name_with_credentials(),
            reviewer.name_with_credentials()
        )),
        "{how}"
    );
    let profiles: Vec<&String> = [&author, &reviewer]
        .iter()
        .filter_map(|p| p.profile_url.as_ref())
        .collect();
    assert_eq!(parts["links"], json!(profiles), "{how}");
    let photos: Vec<Value> = [&author, &reviewer]
        .iter()
        .filter_map(|p| Some(json!([p.photo.as_ref()?, ""])))
        .collect();
    assert_eq!(
        parts["photos"],
        json!(photos),
        "{how}: a photo beside its name says nothing more"
    );
    assert_eq!(
        parts["metaDates"],
        json!([article.published, article.last_reviewed]),
        "{how}"
    );
    let dates = ReviewDates::of(article, site);
    let shown = |date: &Option<String>| {
        let date = date.clone().expect("a date");
        json!([date, display_date(&date).expect("a calendar date")])
    };
    assert_eq!(
        parts["reviewDates"],
        json!([shown(&dates.last_reviewed), shown(&dates.next_due)]),
        "{how}"
    );
    assert_eq!(parts["sourcesHeading"], json!("Sources"), "{how}");
    let sources: Vec<Value> = article.sources.iter().map(expected_source).collect();
    assert_eq!(parts["sources"], json!(sources), "{how}");
    let update = article.updated.as_ref().expect("an update");
    assert_eq!(
        parts["update"],
        json!(format!(
            "Updated {}: {}",
            display_date(&update.date).expect("a date"),
            update.note
        )),
        "{how}"
    );
    assert_eq!(parts["note"], json!(site.disclaimer), "{how}");
    assert_eq!(
        parts["report"],
        json!(site.report_mistake_href(article)),
        "{how}"
    );
    assert_eq!(
        parts["overdue"]["shown"],
        json!(false),
        "{how}: not due yet"
    );
    let street = &site.address.as_ref().expect("an address").street;
    let footer = parts["footer"].as_str().expect("the footer's address");
    assert!(
        footer.contains(street) && footer.contains(&site.phone.display),
        "{how}: {footer}"
    );
    assert_eq!(parts["phone"], json!(site.phone_href()), "{how}");
    assert_eq!(parts["policy"], json!(site.editorial_policy_url), "{how}");
}

#[tokio::test]
async fn the_byline_review_dates_sources_note_and_publisher_come_from_the_content() {
    let (article, site) = (fully_credited(), site());
    with_desktop_page(|page| async move {
        page.open(&address(&article)).await;
        assert_fully_credited(&page, &article, &site, "adopted").await;
        page.server.serve_the_shell();
        page.open(&address(&article)).await;
        assert_fully_credited(&page, &article, &site, "built by the app").await;
    })
    .await;
}

#[tokio::test]
async fn what_an_article_or_the_site_leaves_out_is_absent_never_broken() {
    let article = uncredited();
    with_desktop_page(|page| async move {
        page.open(&address(&article)).await;
        let parts = trust_parts(&page).await;
        for absent in ["byline", "sourcesHeading", "update", "overdue"] {
            assert_eq!(parts[absent], Value::Null, "{absent}: {parts}");
        }
        for empty in ["reviewDates", "sources", "links", "photos"] {
            assert_eq!(parts[empty], json!([]), "{empty}: {parts}");
        }
        assert_eq!(parts["metaDates"], json!([article.published]));
        assert_eq!(parts["note"], json!(site().disclaimer));

        // A site that names no people, address, policy or mistake address.
        let mut settings = content_json("site.json");
        let object = settings.as_object_mut().expect("settings");
        for field in [
            "people",
            "address",
            "editorial_policy_url",
            "report_mistake_url",
            "review_interval_months",
        ] {
            object.remove(field);
        }
        page.server.serve_the_shell();
        page.server
            .replace("/content/site.json", settings.to_string());
        page.open(&address(&article)).await;
        let parts = trust_parts(&page).await;
        for absent in ["report", "policy", "byline"] {
            assert_eq!(parts[absent], Value::Null, "{absent}: {parts}");
        }
        assert_eq!(parts["footer"], json!(site().phone.display));
        let shown = page
            .eval("return document.querySelector('main').innerText")
            .await;
        let shown = shown.as_str().expect("text");
        for broken in ["undefined", "null", "None", "NaN"] {
            assert!(!shown.contains(broken), "{broken:?} in {shown}");
        }
    })
    .await;
}

#[tokio::test]
async fn an_article_naming_an_unknown_person_shows_which_field_and_file() {
    let article = fully_credited();
    with_desktop_page(|page| async move {
        let mut json = serde_json::to_value(&article).expect("JSON");
        json["medical_reviewer"] = "nobody-here".into();
        page.server.serve_the_shell();
        let file = format!("/content/articles/{}.json", article.slug);
        page.server.replace(&file, json.to_string());
        page.open(&address(&article)).await;
        let details = page
            .eval("return document.querySelector('.load-error-details').textContent")
            .await;
        let details = details.as_str().expect("the details");
        assert!(
            details.contains(&file[1..])
                && details.contains("medical_reviewer: \"nobody-here\" is not one of the people"),
            "{details}"
        );
    })
    .await;
}

async fn overdue_notice(page: &Page) -> Value {
    page.eval(
        "const e = document.querySelector('.review-overdue');
         return e && { shown: e.checkVisibility(), text: e.textContent,
                       due: e.querySelector('time')?.getAttribute('datetime') };",
    )
    .await
}

#[tokio::test]
async fn an_overdue_review_says_so_plainly_before_and_after_the_app_runs() {
    let (article, site) = (overdue(), site());
    let due = ReviewDates::of(&article, &site)
        .next_due
        .expect("a due date");
    let expected = json!({
        "shown": true,
        "due": due,
        "text": format!(
            "This page is overdue for review. Its next medical review was due on {}. Some of it \
             may be out of date: check with your clinician before you act on it.",
            display_date(&due).expect("a date")
        ),
    });
    let server = Server::start_with(crate::support::site_dir(), "/", Unknown::NotFoundPage);
    let flags = ["--blink-settings=scriptEnabled=false"];
    let (path, without_js) = (address(&article), expected.clone());
    run_in_browser(server, 800, 900, &flags, |page| async move {
        page.open_before_the_app(&path).await;
        assert_eq!(overdue_notice(&page).await, without_js, "pre-rendered");
    })
    .await;
    with_page(800, 900, |page| async move {
        const KEY: &str = "clinic-article:reading-settings:v1";
        for settings in ["", "contrast=high", "contrast=dark"] {
            page.open(&address(&article)).await;
            page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                .await;
            page.open(&address(&article)).await;
            assert_eq!(overdue_notice(&page).await, expected, "adopted, {settings}");
            let violations = page.axe_violations().await;
            assert!(violations.is_empty(), "{settings}: {violations:#?}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_page_built_before_its_review_fell_due_says_so_once_the_app_runs() {
    let (article, site) = (fully_credited(), site());
    let due = ReviewDates::of(&article, &site)
        .next_due
        .expect("a due date");
    with_desktop_page(|page| async move {
        page.open_before_the_app(&address(&article)).await;
        assert_eq!(overdue_notice(&page).await["shown"], json!(false));
        // The reader's clock, a year after the due date.
        let year: i32 = due[..4].parse().expect("a year");
        page.before_each_load(&format!(
            "const RealDate = Date;
             const later = new RealDate('{}-01-01T12:00:00').getTime();
             globalThis.Date = class extends RealDate {{
               constructor(...args) {{ super(...(args.length ? args : [later])); }}
               static now() {{ return later; }}
             }};",
            year + 1
        ))
        .await;
        page.open(&address(&article)).await;
        page.wait_until(
            "the notice shows",
            "return document.querySelector('.review-overdue').checkVisibility()",
        )
        .await;
        assert_eq!(overdue_notice(&page).await["due"], json!(due));
    })
    .await;
}

#[tokio::test]
async fn the_json_ld_names_the_author_reviewer_review_date_sources_and_publisher() {
    let (article, site) = (fully_credited(), site());
    with_desktop_page(|page| async move {
        page.open(&address(&article)).await;
        let graph = page
            .eval(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]')
                   .textContent)['@graph'][0]",
            )
            .await;
        let (author, reviewer) = (
            person(&site, &article.author),
            person(&site, &article.medical_reviewer),
        );
        assert_eq!(graph["@type"], "MedicalWebPage");
        assert_eq!(graph["author"]["name"], json!(author.name));
        assert_eq!(graph["reviewedBy"]["name"], json!(reviewer.name));
        assert_eq!(
            graph["reviewedBy"]["hasCredential"]["name"],
            json!(reviewer.credentials)
        );
        assert_eq!(graph["lastReviewed"], json!(article.last_reviewed));
        let cited: Vec<&Value> = graph["citation"]
            .as_array()
            .expect("citations")
            .iter()
            .map(|work| &work["name"])
            .collect();
        let titles: Vec<Value> = article.sources.iter().map(|s| json!(s.title)).collect();
        assert_eq!(cited, titles.iter().collect::<Vec<_>>());
        assert_eq!(graph["publisher"]["name"], json!(site.clinic_name));
        assert_eq!(graph["publisher"]["telephone"], json!(site.phone.dial));
    })
    .await;
}

#[tokio::test]
async fn printed_sources_show_their_addresses_and_the_about_section_reads_as_a_region() {
    let article = fully_credited();
    with_desktop_page(|page| async move {
        page.open(&address(&article)).await;
        page.emulate_media("print", &[]).await;
        let printed = page
            .eval(
                "return [...document.querySelectorAll('.sources a')].map(a =>
                   getComputedStyle(a, '::after').content)",
            )
            .await;
        let printed: Vec<String> = printed
            .as_array()
            .expect("contents")
            .iter()
            .map(|c| c.as_str().expect("text").to_string())
            .collect();
        let addresses: Vec<&str> = article
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        assert_eq!(printed.len(), addresses.len());
        for (content, url) in printed.iter().zip(addresses) {
            assert_eq!(content, &format!("\" ({url})\""), "the address, printed");
        }
        assert_eq!(
            page.eval("return document.querySelector('.about-article').checkVisibility()")
                .await,
            json!(true),
            "printed"
        );
        page.emulate_media("", &[]).await;

        let tree = page.accessibility_tree().await;
        let roles: Vec<(String, String)> = tree
            .iter()
            .map(|node| {
                (
                    node[1].as_str().unwrap_or_default().to_string(),
                    node[2].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        assert!(
            roles.contains(&("region".into(), "About this page".into())),
            "{roles:?}"
        );
        let items = roles.iter().filter(|(role, _)| role == "listitem").count();
        assert!(items >= article.sources.len());
        assert!(
            !roles.iter().any(|(_, name)| name.trim() == "·"),
            "the separators are not read out"
        );
    })
    .await;
}
