//! The editors' command, `cargo run --bin content -- check | new | …`, run as an editor
//! runs it: its messages, the files it writes and its exit status.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn content(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_content"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run the content command")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A working folder, removed when the test ends.
fn working_folder(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("clinic-command-{name}-"))
        .tempdir()
        .expect("a working folder")
}

/// A fresh copy of the browser tests' fixture site (`content/`, `images/`) to work in.
fn site_copy(name: &str) -> TempDir {
    let copy = working_folder(name);
    for folder in ["content", "content/articles", "content/locales", "images"] {
        let copy = copy.path();
        std::fs::create_dir_all(copy.join(folder)).expect("folder");
        for entry in std::fs::read_dir(root().join("tests/fixtures").join(folder))
            .expect("fixture")
            .flatten()
            .filter(|entry| entry.path().is_file())
        {
            std::fs::copy(entry.path(), copy.join(folder).join(entry.file_name())).expect("copy");
        }
    }
    copy
}

/// The fixture Markdown article with each `(from, to)` replaced, written at `path`.
fn fixture_markdown_with(path: &Path, changes: &[(&str, &str)]) -> PathBuf {
    let source =
        std::fs::read_to_string(root().join("tests/fixtures/markdown/stretching-at-your-desk.md"))
            .expect("markdown");
    let changed = changes
        .iter()
        .fold(source, |text, (from, to)| text.replace(from, to));
    std::fs::write(path, changed).expect("write");
    path.to_path_buf()
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("file")).expect("JSON")
}

#[test]
fn check_passes_the_shipped_content_with_warnings_at_most() {
    let output = content(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output)
            .lines()
            .all(|line| line.starts_with("warning: ")),
        "{}",
        stderr(&output)
    );
}

/// What `check` reports as mistakes, without its warnings.
fn problems(output: &Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|line| !line.starts_with("warning: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn check_warns_of_a_related_post_that_leads_nowhere_and_passes() {
    let copy = site_copy("related");
    let site = copy.path();
    let articles = site.join("content/articles");
    let second = articles.join("a-second-fixture-article.json");
    let mut article = json(&second);
    article["related"] = serde_json::json!([
        { "title": "Walking", "slug": "walking-comfortably-in-winter" },
        { "title": "Nowhere", "slug": "no-such-article" }
    ]);
    std::fs::write(&second, article.to_string()).expect("write");
    let folder = site.join("content").display().to_string();
    let output = content(&["check", &folder]);
    assert_eq!(output.status.code(), Some(0), "only a warning");
    let warning = format!(
        "warning: {}: related[1].slug: \"no-such-article\" is not an article of this site",
        second.display()
    );
    let lines = stderr(&output);
    assert!(lines.lines().any(|l| l.starts_with(&warning)), "{lines}");
    assert!(
        !lines.contains("related[0]"),
        "a local article leads somewhere: {lines}"
    );

    // Where the site says where other posts live, a post may be there.
    let site_file = site.join("content/site.json");
    let mut settings = json(&site_file);
    settings["related_posts_base_url"] = "https://clinic.test/blog/".into();
    std::fs::write(&site_file, settings.to_string()).expect("write");
    let output = content(&["check", &folder]);
    assert!(!stderr(&output).contains("related["), "{}", stderr(&output));
}

#[test]
fn check_refuses_a_translation_of_nothing_of_itself_or_in_the_same_language() {
    let copy = site_copy("translations");
    let site = copy.path();
    let articles = site.join("content/articles");
    let file = |slug: &str| articles.join(format!("{slug}.json"));
    let set = |slug: &str, lang: Option<&str>, original: Option<&str>| {
        let mut article = json(&file(slug));
        article["lang"] = lang.map_or(Value::Null, Value::from);
        article["translation_of"] = original.map_or(Value::Null, Value::from);
        let object = article.as_object_mut().expect("an object");
        object.retain(|_, value| !value.is_null());
        std::fs::write(file(slug), article.to_string()).expect("write");
    };
    let folder = site.join("content").display().to_string();
    let [first, second, third] = [
        "walking-comfortably-in-winter",
        "a-second-fixture-article",
        "staying-active-indoors",
    ];

    // A Spanish and an Arabic translation of one English article: nothing to say.
    set(second, Some("es"), Some(first));
    set(third, Some("ar"), Some(first));
    let output = content(&["check", &folder]);
    assert_eq!(problems(&output), Vec::<String>::new());

    // One that leads nowhere, one in the original's language, and a translation's translation.
    set(second, Some("es"), Some("no-such-article"));
    set(third, Some("en-GB"), Some(first));
    let output = content(&["check", &folder]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        problems(&output),
        vec![
            format!(
                "{}: translation_of: \"no-such-article\" is not an article of this site: give \
                 the slug of the article this one translates",
                file(second).display()
            ),
            format!(
                "{}: translation_of: \"{first}\" is in \"en\" too: a translation is in \
                 another language (set lang to the language this article is written in)",
                file(third).display()
            ),
        ]
    );
    set(second, Some("es"), Some(first));
    set(third, Some("ar"), Some(second));
    let output = content(&["check", &folder]);
    assert_eq!(
        problems(&output),
        vec![format!(
            "{}: translation_of: \"{second}\" is itself a translation, of \"{first}\": name the \
             original, \"{first}\"",
            file(third).display()
        )]
    );

    // Two translations into one language.
    set(third, Some("es"), Some(first));
    let output = content(&["check", &folder]);
    assert_eq!(
        problems(&output),
        vec![format!(
            "{}: translation_of: \"{first}\" already has a translation in \"es\", \
             \"{second}\": an article has one translation per language",
            file(third).display()
        )]
    );
}

#[test]
fn check_names_each_missing_and_extra_word_of_a_language_s_table_and_a_language_without_one() {
    let copy = site_copy("words");
    let site = copy.path();
    let table = site.join("content/locales/es.json");
    let mut words = json(&table);
    let object = words.as_object_mut().expect("a table");
    let removed: Vec<String> = object
        .keys()
        .filter(|key| !key.starts_with('$'))
        .take(2)
        .cloned()
        .collect();
    for key in &removed {
        object.remove(key);
    }
    object.insert("no_such_word".into(), "Nada".into());
    std::fs::write(&table, words.to_string()).expect("write");
    let articles = site.join("content/articles");
    let spanish = articles.join("a-second-fixture-article.json");
    let vietnamese = articles.join("staying-active-indoors.json");
    for (file, lang) in [(&spanish, "es-MX"), (&vietnamese, "vi")] {
        let mut article = json(file);
        article["lang"] = lang.into();
        std::fs::write(file, article.to_string()).expect("write");
    }
    let folder = site.join("content").display().to_string();
    let output = content(&["check", &folder]);
    assert_eq!(output.status.code(), Some(1));
    let at = table.display();
    let mut removed = removed;
    removed.sort();
    let mut expected: Vec<String> = removed
        .iter()
        .map(|key| format!("{at}: {key}: missing: add its words in this language"))
        .collect();
    expected.push(format!(
        "{at}: no_such_word: not a word the site uses: remove it"
    ));
    expected.push(format!(
        "{}: missing: {} is in its language; add this table of the interface's words (copy \
         locales/en.json and translate each word)",
        site.join("content/locales/vi.json").display(),
        vietnamese.display()
    ));
    assert_eq!(problems(&output), expected);
}

#[test]
fn check_names_a_count_form_a_language_needs_and_one_it_never_uses() {
    let copy = site_copy("counts");
    let site = copy.path();
    let locales = site.join("content/locales");
    let (arabic, spanish) = (locales.join("ar.json"), locales.join("es.json"));
    let mut table = json(&arabic);
    let few = table["results_few"].take();
    table
        .as_object_mut()
        .expect("a table")
        .remove("results_few");
    std::fs::write(&arabic, table.to_string()).expect("write");
    let mut table = json(&spanish);
    table["results_few"] = few;
    std::fs::write(&spanish, table.to_string()).expect("write");
    let articles = site.join("content/articles");
    for (file, lang) in [
        ("a-second-fixture-article.json", "es"),
        ("staying-active-indoors.json", "ar-EG"),
    ] {
        let file = articles.join(file);
        let mut article = json(&file);
        article["lang"] = lang.into();
        std::fs::write(&file, article.to_string()).expect("write");
    }
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        problems(&output),
        [
            format!(
                "{}: results_few: missing: add its words in this language as they count 3 \
                 and the numbers counted alike",
                arabic.display()
            ),
            format!(
                "{}: results_few: not a word the site uses: remove it",
                spanish.display()
            ),
        ]
    );
}

#[test]
fn check_names_an_unknown_person_and_an_untitled_source_and_fails() {
    let copy = site_copy("people");
    let site = copy.path();
    let home = site.join("content/articles/walking-comfortably-in-winter.json");
    let mut article = json(&home);
    article["medical_reviewer"] = "nobody-here".into();
    article["sources"][1]["title"] = "".into();
    std::fs::write(&home, serde_json::to_string_pretty(&article).expect("JSON")).expect("write");
    let site_file = site.join("content/site.json");
    let mut settings = json(&site_file);
    settings["people"][0]["photo"] = "images/missing-photo.jpg".into();
    std::fs::write(&site_file, settings.to_string()).expect("write");

    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let at = home.display();
    let mut found = problems(&output);
    found.sort();
    let mut expected = vec![
        format!(
            "{}: people[0].photo: \"images/missing-photo.jpg\" is not in {}",
            site_file.display(),
            site.display()
        ),
        format!("{at}: sources[1].title: must not be empty"),
    ];
    expected.sort();
    assert_eq!(found, expected);

    // With the source fixed, the unknown reviewer is named (the rules of one file come first).
    article["sources"][1]["title"] = "A title".into();
    std::fs::write(&home, article.to_string()).expect("write");
    let found = problems(&content(&[
        "check",
        &site.join("content").display().to_string(),
    ]));
    assert!(
        found.contains(&format!(
            "{at}: medical_reviewer: \"nobody-here\" is not one of the people in \
             content/site.json"
        )),
        "{found:?}"
    );
}

/// A copy of the fixture site with a `content-src/` of the fixture's Markdown article, each
/// `(from, to)` replaced in it; and the Markdown file.
fn site_with_markdown(name: &str, changes: &[(&str, &str)]) -> (TempDir, PathBuf) {
    let copy = site_copy(name);
    let sources = copy.path().join("content-src");
    std::fs::create_dir(&sources).expect("a folder");
    let markdown = fixture_markdown_with(&sources.join("stretching-at-your-desk.md"), changes);
    (copy, markdown)
}

/// `content check` of a site copy's content, with its `content-src/`.
fn check_with_sources(site: &Path) -> Output {
    content(&[
        "check",
        &site.join("content").display().to_string(),
        "--sources",
        &site.join("content-src").display().to_string(),
    ])
}

#[test]
fn check_reads_the_markdown_articles_as_a_build_does_and_changes_nothing() {
    let (copy, _) = site_with_markdown("markdown", &[]);
    let site = copy.path();
    let before = json(&site.join("content/articles.json"));
    let output = check_with_sources(site);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&site.join("content/articles.json")), before);
    assert!(!site
        .join("content/articles/stretching-at-your-desk.json")
        .exists());

    // The Markdown article is held to the content's rules too, named by its own file.
    let (copy, markdown) = site_with_markdown(
        "markdown-rules",
        &[("date: 2026-06-15", "date: 2026-06-15\nauthor: nobody-here")],
    );
    let output = check_with_sources(copy.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        problems(&output),
        vec![format!(
            "{}: author: \"nobody-here\" is not one of the people in content/site.json",
            markdown.display()
        )]
    );
}

#[test]
fn check_names_what_a_markdown_article_cannot_show_by_its_line() {
    let (copy, markdown) = site_with_markdown(
        "refuse",
        &[
            (
                "[book a visit](booking:)",
                "[book a visit](javascript:alert(1))",
            ),
            (
                "- Elbows at your sides.",
                "- Elbows at your sides.\n\n> A quote.",
            ),
        ],
    );
    let output = check_with_sources(copy.path());
    assert_eq!(output.status.code(), Some(1));
    let at = markdown.display();
    let messages = stderr(&output);
    assert!(
        messages.contains(&format!("{at}:37: quotes cannot be shown")),
        "{messages}"
    );
    assert!(
        messages.contains(&format!(
            "{at}:41: the link \"book a visit\" goes to \"javascript:alert(1)\""
        )),
        "{messages}"
    );
}

#[test]
fn check_from_inside_the_content_folder_leaves_nothing_behind() {
    let (copy, _) = site_with_markdown("inside", &[]);
    let site = copy.path();
    let files = |folder: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("a folder")
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let (site_before, content_before) = (files(site), files(&site.join("content")));
    let output = Command::new(env!("CARGO_BIN_EXE_content"))
        .args(["check", ".", "--sources", "../content-src"])
        .current_dir(site.join("content"))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(files(site), site_before);
    assert_eq!(files(&site.join("content")), content_before);
}

#[test]
fn check_names_key_points_above_grade_8_and_fails() {
    let copy = site_copy("grade");
    let site = copy.path();
    let home = site.join("content/articles/walking-comfortably-in-winter.json");
    let mut article = json(&home);
    article["key_points"] = serde_json::json!([
        "Musculoskeletal inflammation originating in the thoracic paraspinal musculature \
         frequently necessitates multidisciplinary evaluation."
    ]);
    std::fs::write(&home, article.to_string()).expect("write");

    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let found = problems(&output);
    let prefix = format!("{}: key_points: they read at grade ", home.display());
    assert!(
        found.len() == 1 && found[0].starts_with(&prefix),
        "{found:?}"
    );

    // The grade is English's: the same words in an article that says it is Spanish pass.
    article["lang"] = serde_json::json!("es");
    std::fs::write(&home, article.to_string()).expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn check_warns_of_an_overdue_review_and_an_article_without_sources_and_passes() {
    let copy = site_copy("review");
    let site = copy.path();
    let articles = site.join("content/articles");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = stderr(&output);
    let warnings: Vec<&str> = lines.lines().collect();
    let overdue = json(&articles.join("staying-active-indoors.json"));
    let due = overdue["next_review"].as_str().expect("a review date");
    assert!(
        warnings.contains(
            &format!(
                "warning: {}: next_review: the review was due on {}: review the article and \
                 set last_reviewed",
                articles.join("staying-active-indoors.json").display(),
                clinic_content::text::display_date(due).expect("a date")
            )
            .as_str()
        ),
        "{lines}"
    );
    assert!(
        warnings.contains(
            &format!(
                "warning: {}: sources: none listed: readers cannot see what the article is \
                 based on",
                articles.join("a-second-fixture-article.json").display()
            )
            .as_str()
        ),
        "{lines}"
    );
    let current = articles.join("walking-comfortably-in-winter.json");
    let current = current.display().to_string();
    assert!(
        !warnings.iter().any(|warning| warning.contains(&current)
            && (warning.contains("sources:") || warning.contains("next_review:"))),
        "a current, sourced article has no review or source warning: {lines}"
    );
}

#[test]
fn check_names_each_problem_by_file_and_line_or_field_and_fails() {
    let copy = site_copy("check");
    let site = copy.path();
    let articles = site.join("content/articles");
    let home = articles.join("walking-comfortably-in-winter.json");
    let text = std::fs::read_to_string(&home).expect("article");
    std::fs::write(
        &home,
        text.replacen(
            "\"published\": \"2026-03-04\"",
            "\"published\": \"soon\"",
            1,
        ),
    )
    .expect("write");
    std::fs::write(
        articles.join("a-second-fixture-article.json"),
        "{\n  \"slug\": ,\n}\n",
    )
    .expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        problems(&output),
        vec![
            format!(
                "{}: published: \"soon\" must be a date written YYYY-MM-DD, like \"2026-03-04\"",
                home.display()
            ),
            format!(
                "{}:2:11: slug: expected value",
                articles.join("a-second-fixture-article.json").display()
            ),
        ]
    );
}

#[test]
fn check_warns_when_old_addresses_pass_what_cloudflare_pages_follows() {
    let copy = site_copy("redirects");
    let site = copy.path();
    let file = site.join("content/articles/walking-comfortably-in-winter.json");
    let mut article: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
    let old: Vec<String> = (0..2001).map(|n| format!("/old/{n}/")).collect();
    article["old_addresses"] = serde_json::json!(old);
    std::fs::write(&file, article.to_string()).expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2001 old paths across the articles: Cloudflare Pages follows"),
        "{}",
        stderr(&output)
    );
    article["old_addresses"] = serde_json::json!(old[..2000]);
    std::fs::write(&file, article.to_string()).expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert!(
        !stderr(&output).contains("Cloudflare"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_finds_unbundled_images_and_unlisted_articles() {
    let copy = site_copy("files");
    let site = copy.path();
    std::fs::remove_file(site.join("images/fixture-card.png")).expect("remove the card");
    std::fs::remove_file(site.join("images/fixture-layers.svg")).expect("remove a picture");
    let stray = site.join("content/articles/stray.json");
    std::fs::write(&stray, "{}").expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let article = site.join("content/articles/walking-comfortably-in-winter.json");
    assert_eq!(
        problems(&output),
        vec![
            format!(
                "{}: hero.share_image: \"images/fixture-card.png\" is not in {}",
                article.display(),
                site.display()
            ),
            format!(
                "{}: figure.image: \"images/fixture-layers.svg\" is not in {}",
                article.display(),
                site.display()
            ),
            format!(
                "{}: not listed in {}",
                stray.display(),
                site.join("content/articles.json").display()
            ),
        ]
    );
}

#[test]
fn new_writes_a_skeleton_once() {
    let working = working_folder("new");
    let folder = working.path().join("articles");
    let to = folder.display().to_string();
    let output = content(&["new", "Sleeping Well With Back Pain", "--to", &to]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let skeleton =
        std::fs::read_to_string(folder.join("sleeping-well-with-back-pain.md")).expect("skeleton");
    assert!(
        skeleton.starts_with("---\ntitle: \"Sleeping Well With Back Pain\"\n"),
        "{skeleton}"
    );
    let path = folder.join("sleeping-well-with-back-pain.md");
    std::fs::write(&path, "work in progress").expect("an editor's work");
    let again = content(&["new", "Sleeping Well With Back Pain", "--to", &to]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).expect("kept"),
        "work in progress",
        "never replaced without --force"
    );
    let forced = content(&[
        "new",
        "Sleeping Well With Back Pain",
        "--to",
        &to,
        "--force",
    ]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&path)
        .expect("replaced")
        .starts_with("---\n"));
    assert_eq!(
        content(&["new"]).status.code(),
        Some(2),
        "no title is a usage error"
    );
}

#[test]
fn sample_articles_adds_made_up_articles_that_pass_the_check_and_replaces_them_when_run_again() {
    let copy = site_copy("generate");
    let site = copy.path();
    let folder = site.join("content").display().to_string();
    let listed = || {
        json(&site.join("content/articles.json"))["articles"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = listed();
    for count in [12, 5] {
        let output = content(&["sample-articles", &count.to_string(), "--content", &folder]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            listed(),
            before + count,
            "the earlier made-up articles replaced"
        );
        let check = content(&["check", &folder]);
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    }
    let refused = content(&["sample-articles", "5", "--content", "public/content"]);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "never into the shipped content"
    );
}

#[test]
fn help_describes_every_verb_with_examples_and_a_wrong_command_says_so() {
    let help = content(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for verb in ["check", "new", "generate", "sample-articles"] {
        assert!(text.contains(&format!("  {verb} ")), "{verb}: {text}");
        assert!(
            text.contains(&format!("cargo run --bin content -- {verb}")),
            "{verb}: {text}"
        );
    }
    let new = content(&["new", "--help"]);
    let text = String::from_utf8_lossy(&new.stdout);
    assert!(
        text.contains("--force") && text.contains("Example:"),
        "{text}"
    );

    for wrong in [&["publish"][..], &["new"][..], &["check", "--bogus"][..]] {
        let output = content(wrong);
        assert_eq!(output.status.code(), Some(2), "{wrong:?}");
        assert!(
            stderr(&output).contains("Usage:"),
            "{wrong:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn check_warns_where_an_address_would_drop_letters() {
    let copy = site_copy("letters");
    let site = copy.path();
    let file = site.join("content/articles/a-second-fixture-article.json");
    let mut article = json(&file);
    article["sections"][0]["heading"] = "Wärme oder Kälte".into();
    article["category"] = "Rückenschmerzen".into();
    std::fs::write(&file, article.to_string()).expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = stderr(&output);
    let at = file.display();
    let expected = format!(
        "warning: {at}: sections[0].heading: the address #w-rme-oder-k-lte drops letters: give \
         it \"id\": \"warme-oder-kalte\""
    );
    assert!(
        lines.lines().any(|line| line == expected),
        "{expected}\n{lines}"
    );
    // A category's address keeps its letters (`categories/ruckenschmerzen/`).
    assert!(!lines.contains("category"), "{lines}");
    article["sections"][0]["id"] = "warme-oder-kalte".into();
    std::fs::write(&file, article.to_string()).expect("write");
    let output = content(&["check", &site.join("content").display().to_string()]);
    assert!(
        !stderr(&output).contains("sections[0].heading"),
        "{}",
        stderr(&output)
    );
}
