package cn.fpr.platform.testapp;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface Tallies extends ReactiveCrudRepository<Tally, String> {
}
