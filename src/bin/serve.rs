//! Serves a built site as a CDN would, for the benchmark (`tools/bench/`): the hosts' answers
//! and headers (`clinic_build::static_host`, which the browser tests serve with too), every
//! compressible file brotli-compressed, and an ETag, so an unchanged file costs a 304 on a
//! repeat visit. Every file is read and compressed before the server listens: compressing on
//! the first request would show up in Lighthouse as server latency on the first run only.
//!
//! Usage: serve <site folder> <port>

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use clinic_build::static_host::{content_type, request_path, write_answer, StaticSite, Unknown};

/// A file as it is served: its ETag, and its brotli-compressed body when it compresses.
struct Prepared {
    etag: String,
    brotli: Option<Vec<u8>>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, port] = args.as_slice() else {
        eprintln!("usage: serve <site folder> <port>");
        return ExitCode::from(2);
    };
    let site = StaticSite::new(Path::new(root), "/", Unknown::NotFoundPage);
    let mut prepared = HashMap::new();
    prepare(&site.root, &mut prepared);
    let listener = match TcpListener::bind(format!("127.0.0.1:{port}")) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("port {port}: {error}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("serving {root} on {port}");
    let shared = Arc::new((site, prepared));
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || serve(stream, &shared.0, &shared.1));
    }
    ExitCode::SUCCESS
}

fn prepare(folder: &Path, prepared: &mut HashMap<PathBuf, Prepared>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            prepare(&path, prepared);
            continue;
        }
        let Ok(body) = std::fs::read(&path) else {
            continue;
        };
        let digest = Sha256::digest(&body);
        let etag: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let kind = content_type(&path.to_string_lossy(), 200);
        // Fonts and photographs are compressed already.
        let compresses = !["font/", "image/png", "image/jpeg", "image/webp"]
            .iter()
            .any(|compressed| kind.starts_with(compressed));
        let brotli = compresses.then(|| compress(&body));
        prepared.insert(
            path,
            Prepared {
                etag: format!("\"{etag}\""),
                brotli,
            },
        );
    }
}

fn compress(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    out
}

fn serve(stream: TcpStream, site: &StaticSite, prepared: &HashMap<PathBuf, Prepared>) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut request_headers = HashMap::new();
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        if let Some((name, value)) = line.split_once(':') {
            request_headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
        line.clear();
    }
    let path = request_path(&request_line);
    let (status, file) = site.file(&path);
    let Some(ready) = file.as_ref().and_then(|file| prepared.get(file)) else {
        let _ = write_answer(&stream, &site.answer(&path));
        return;
    };
    let mut answer = site.answer(&path);
    answer.headers.push(format!("ETag: {}", ready.etag));
    if status == 200 && request_headers.get("if-none-match") == Some(&ready.etag) {
        answer.status = 304;
        answer.body.clear();
    } else if let Some(brotli) = &ready.brotli {
        let accepts = request_headers
            .get("accept-encoding")
            .is_some_and(|value| value.split(',').any(|coding| coding.trim() == "br"));
        if accepts {
            answer.headers.push("Content-Encoding: br".into());
            answer.body = brotli.clone();
        }
    }
    let _ = write_answer(&stream, &answer);
}
