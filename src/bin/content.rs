//! The editors' command: `cargo run --bin content -- <verb>`.
//!
//!   check [DIR]                      every content file through the browser's types and rules
//!   import FILE.md [--force]         a Markdown article into articles/<slug>.json and the index
//!   new "Title"                      a Markdown skeleton in content-src/<slug>.md
//!   generate N                       N made-up articles in the content folder, for measuring
//!                                    the site at scale (never for a real site)
//!
//! `--content DIR` (default `public/content`) names the content folder for `check`, `import`
//! and `generate`; `--to DIR` (default `content-src`) the folder `new` writes to. Exit status: 0 when all is well,
//! 1 when something is wrong with the content, 2 when the command itself is wrong.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    command::main()
}

/// The command runs on an editor's machine; a wasm build of the workspace has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod command {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clinic_article::content::check::check_folder;
    use clinic_article::content::generate::{
        generate_articles, vocabulary_of, GENERATED_SLUG_PREFIX,
    };
    use clinic_article::content::load::{article_file, parse, INDEX_FILE};
    use clinic_article::content::markdown::{import, skeleton};
    use clinic_article::content::model::{Article, ArticleIndex, ArticleSummary};
    use clinic_article::content::review::today;
    use clinic_article::content::text::slugify;

    const USAGE: &str = "usage: cargo run --bin content -- check [DIR]
           cargo run --bin content -- import FILE.md [--force] [--content DIR]
           cargo run --bin content -- new \"Title\" [--to DIR]
           cargo run --bin content -- generate N --content DIR";
    const CONTENT_DIR: &str = "public/content";
    const SOURCES_DIR: &str = "content-src";

    /// What went wrong: with the content (exit 1) or with the command (exit 2).
    enum Failure {
        Content(Vec<String>),
        Usage(String),
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match run(&args) {
            Ok(done) => {
                if !done.is_empty() {
                    println!("{done}");
                }
                ExitCode::SUCCESS
            }
            Err(Failure::Content(problems)) => {
                for problem in problems {
                    eprintln!("{problem}");
                }
                ExitCode::from(1)
            }
            Err(Failure::Usage(message)) => {
                eprintln!("{message}\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    fn run(args: &[String]) -> Result<String, Failure> {
        let mut words = Vec::new();
        let (mut force, mut content, mut to) = (false, None, None);
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |option: &str| {
                args.next()
                    .map(PathBuf::from)
                    .ok_or_else(|| Failure::Usage(format!("{option} needs a folder")))
            };
            match arg.as_str() {
                "--force" => force = true,
                "--content" => content = Some(value("--content")?),
                "--to" => to = Some(value("--to")?),
                flag if flag.starts_with("--") => {
                    return Err(Failure::Usage(format!("unknown option {flag}")))
                }
                word => words.push(word),
            }
        }
        let content = content.unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
        match words.as_slice() {
            ["check"] => check(&content),
            ["check", dir] => check(Path::new(dir)),
            ["import", file] => import_article(Path::new(file), &content, force),
            ["new", title] => new_article(title, &to.unwrap_or_else(|| PathBuf::from(SOURCES_DIR))),
            ["generate", count] => match (count.parse(), content.as_path()) {
                // Never into the shipped content by accident: the folder is named.
                (Ok(count), folder) if folder != Path::new(CONTENT_DIR) => generate(count, folder),
                _ => Err(Failure::Usage(
                    "generate needs a number and --content naming a copy of a content folder"
                        .into(),
                )),
            },
            [] => Err(Failure::Usage("no verb".into())),
            _ => Err(Failure::Usage(format!(
                "cannot understand: {}",
                words.join(" ")
            ))),
        }
    }

    fn check(content: &Path) -> Result<String, Failure> {
        if !content.is_dir() {
            return Err(Failure::Usage(format!(
                "{} is not a folder",
                content.display()
            )));
        }
        let report = check_folder(content, &today());
        for warning in &report.warnings {
            eprintln!("warning: {warning}");
        }
        if report.problems.is_empty() {
            Ok(String::new())
        } else {
            Err(Failure::Content(report.problems))
        }
    }

    fn import_article(markdown: &Path, content: &Path, force: bool) -> Result<String, Failure> {
        let text = std::fs::read_to_string(markdown)
            .map_err(|e| Failure::Usage(format!("{}: {e}", markdown.display())))?;
        let site = content.parent().unwrap_or(Path::new("."));
        let article = import(&text, site).map_err(|errors| {
            Failure::Content(
                errors
                    .into_iter()
                    .map(|error| match error.line {
                        Some(line) => format!("{}:{line}: {}", markdown.display(), error.message),
                        None => format!("{}: {}", markdown.display(), error.message),
                    })
                    .collect(),
            )
        })?;
        let target = content.join(article_file(&article.slug).trim_start_matches("content/"));
        if target.exists() && !force {
            return Err(Failure::Content(vec![format!(
                "{} exists: add --force to replace it",
                target.display()
            )]));
        }
        let index_path = content.join(INDEX_FILE.trim_start_matches("content/"));
        let index_text = std::fs::read_to_string(&index_path)
            .map_err(|e| Failure::Content(vec![format!("{}: {e}", index_path.display())]))?;
        let mut index: ArticleIndex = parse(INDEX_FILE, &index_text)
            .map_err(|e| Failure::Content(vec![format!("{}: {e}", index_path.display())]))?;
        match index.articles.iter_mut().find(|a| a.slug == article.slug) {
            Some(listed) => listed.title = article.title.clone(),
            None => index.articles.push(ArticleSummary {
                slug: article.slug.clone(),
                title: article.title.clone(),
            }),
        }
        write_json(&target, &article)?;
        write_json(&index_path, &index)?;
        // The whole folder as the site will serve it: the hero must be bundled, and so on.
        let report = check_folder(content, &today());
        for warning in &report.warnings {
            eprintln!("warning: {warning}");
        }
        if !report.problems.is_empty() {
            return Err(Failure::Content(report.problems));
        }
        Ok(format!(
            "wrote {} and listed it in {}; it will be at articles/{}",
            target.display(),
            index_path.display(),
            article.slug
        ))
    }

    /// Adds `count` made-up articles to the content folder `content` (replacing any it added
    /// before), written from the words of the articles there, with the home article's hero.
    fn generate(count: usize, content: &Path) -> Result<String, Failure> {
        let failure = |path: &Path, error: String| {
            Failure::Content(vec![format!("{}: {error}", path.display())])
        };
        let read = |file: &str| -> Result<String, Failure> {
            let path = content.join(file.trim_start_matches("content/"));
            std::fs::read_to_string(&path).map_err(|e| failure(&path, e.to_string()))
        };
        let mut index: ArticleIndex = parse(INDEX_FILE, &read(INDEX_FILE)?)
            .map_err(|e| Failure::Content(vec![e.to_string()]))?;
        index
            .articles
            .retain(|summary| !summary.slug.starts_with(GENERATED_SLUG_PREFIX));
        let existing: Vec<Article> = index
            .articles
            .iter()
            .map(|summary| {
                let file = article_file(&summary.slug);
                parse(&file, &read(&file)?).map_err(|e| Failure::Content(vec![e.to_string()]))
            })
            .collect::<Result<_, _>>()?;
        let hero = existing
            .iter()
            .find(|article| article.slug == index.home)
            .map(|article| article.hero.clone())
            .ok_or_else(|| Failure::Content(vec!["the index names no home article".into()]))?;
        let articles_dir = content.join("articles");
        for earlier in std::fs::read_dir(&articles_dir)
            .map_err(|e| failure(&articles_dir, e.to_string()))?
            .flatten()
            .filter(|entry| {
                entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with(GENERATED_SLUG_PREFIX)
            })
        {
            std::fs::remove_file(earlier.path())
                .map_err(|e| failure(&earlier.path(), e.to_string()))?;
        }
        for article in generate_articles(count, &vocabulary_of(&existing), &hero) {
            let path = content.join(article_file(&article.slug).trim_start_matches("content/"));
            write_json(&path, &article)?;
            index.articles.push(ArticleSummary {
                slug: article.slug,
                title: article.title,
            });
        }
        write_json(
            &content.join(INDEX_FILE.trim_start_matches("content/")),
            &index,
        )?;
        let report = check_folder(content, &today());
        if !report.problems.is_empty() {
            return Err(Failure::Content(report.problems));
        }
        Ok(format!(
            "wrote {count} made-up articles into {} and listed them",
            content.display()
        ))
    }

    fn new_article(title: &str, to: &Path) -> Result<String, Failure> {
        let slug = slugify(title);
        if slug.is_empty() {
            return Err(Failure::Usage(format!(
                "{title:?} has no letters or digits for a file name"
            )));
        }
        let path = to.join(format!("{slug}.md"));
        if path.exists() {
            return Err(Failure::Content(vec![format!(
                "{} exists already",
                path.display()
            )]));
        }
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        std::fs::create_dir_all(to)
            .and_then(|()| std::fs::write(&path, skeleton(title, &today)))
            .map_err(|e| Failure::Content(vec![format!("{}: {e}", path.display())]))?;
        Ok(format!(
            "wrote {}: write the article there, then run cargo run --bin content -- import {}",
            path.display(),
            path.display()
        ))
    }

    fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), Failure> {
        let mut text = serde_json::to_string_pretty(value)
            .map_err(|e| Failure::Content(vec![format!("{}: {e}", path.display())]))?;
        text.push('\n');
        std::fs::write(path, text)
            .map_err(|e| Failure::Content(vec![format!("{}: {e}", path.display())]))
    }
}
