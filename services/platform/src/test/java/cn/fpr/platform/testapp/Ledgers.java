package cn.fpr.platform.testapp;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface Ledgers extends ReactiveCrudRepository<Ledger, String> {
}
