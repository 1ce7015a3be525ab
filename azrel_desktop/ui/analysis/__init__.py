"""The analysis page: charts of the shape of the data under the timeline's filter."""
